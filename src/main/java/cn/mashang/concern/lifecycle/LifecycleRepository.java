package cn.mashang.concern.lifecycle;

import cn.mashang.concern.Concern;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** The guarded writes of the life cycle: every change names the version it was decided on. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface LifecycleRepository extends GenericRepository<Concern, Long> {

    /** Writes every life-cycle column; 0 rows when the concern changed since {@code version} was read. */
    @Query("""
            UPDATE concern SET state = :state, assignee_deputy_id = :assignee, department_id = :departmentId,
            department_deadline = :deadline, outcome = :outcome, merged_into_id = :mergedInto,
            first_response_at = :firstResponseAt, resolved_at = :resolvedAt, closed_at = :closedAt,
            reopen_count = :reopenCount, rating = :rating, rating_comment = :ratingComment, rated_at = :ratedAt,
            feedback_due = :feedbackDue, sign_due = :signDue, signed_at = :signedAt, updated_at = :now,
            version = version + 1
            WHERE id = :id AND version = :version""")
    int apply(long id, long version, String state, @Nullable Long assignee, @Nullable Long departmentId,
              @Nullable Instant deadline, @Nullable String outcome, @Nullable Long mergedInto,
              @Nullable Instant firstResponseAt, @Nullable Instant resolvedAt, @Nullable Instant closedAt,
              int reopenCount, @Nullable String rating, @Nullable String ratingComment, @Nullable Instant ratedAt,
              @Nullable Instant feedbackDue, @Nullable Instant signDue, @Nullable Instant signedAt, Instant now);

    /** A note changes nothing a client decides on: only updated_at moves, the version stays. */
    @Query("UPDATE concern SET updated_at = :now WHERE id = :id")
    int noted(long id, Instant now);

    /**
     * Resolved concerns (merged ones too) whose stored feedback deadline passed before {@code now} (index
     * ix_concern_feedback_due), or that have none stored yet (rows written before V11), after {@code afterId}, by id.
     */
    @Query("""
            SELECT * FROM concern WHERE state = 'RESOLVED' AND (feedback_due < :now OR feedback_due IS NULL)
            AND id > :afterId ORDER BY id LIMIT 200""")
    List<Concern> feedbackDue(Instant now, long afterId);

    List<Concern> findByMergedIntoIdOrderById(Long mergedIntoId);
}
