package cn.mashang.suggestion;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SuggestionRepository extends CrudRepository<Suggestion, Long> {

    boolean existsByRegionIdAndNumber(Long regionId, String number);

    /** The one guarded write of an action: 0 rows when the suggestion changed since {@code version} was read. */
    @Query("""
            UPDATE suggestion SET state = :state, number = :number, lead_department_id = :leadDepartmentId,
            reply_due = :replyDue, handling_round = :round, rating = :rating, rated_at = :ratedAt,
            closed_at = :closedAt, updated_at = :now, version = version + 1
            WHERE id = :id AND version = :version""")
    int apply(long id, long version, String state, @Nullable String number, @Nullable Long leadDepartmentId,
              @Nullable Instant replyDue, int round, @Nullable String rating, @Nullable Instant ratedAt,
              @Nullable Instant closedAt, Instant now);
}
