package cn.mashang.referral;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ReferralRepository extends CrudRepository<Referral, Long> {
    List<Referral> findByConcernIdOrderById(Long concernId);

    /**
     * Open referrals the supervision job must look at {@code now} (index ix_referral_supervise, V112): never looked at,
     * or a step may have fallen due since. The job moves each one past {@code now} ({@link SupervisionWriter#looks}).
     */
    @Query("""
            SELECT * FROM referral WHERE status = 'OPEN' AND (supervise_at IS NULL OR supervise_at <= :now)
            ORDER BY supervise_at, id LIMIT :size""")
    List<Referral> dueForSupervision(Instant now, int size);

    Optional<Referral> findFirstByConcernIdAndStatus(Long concernId, Referral.Status status);

    Optional<Referral> findFirstByConcernIdAndDepartmentIdOrderByIdDesc(Long concernId, Long departmentId);

    @Query("UPDATE referral SET signed_at = :now, supervise_at = NULL WHERE concern_id = :concernId AND status = 'OPEN'")
    int sign(long concernId, Instant now);

    @Query("""
            UPDATE referral SET status = :status, ended_at = :now, proposed_outcome = :outcome, return_reason = :reason,
            legal_basis = :basis WHERE concern_id = :concernId AND status = 'OPEN'""")
    int end(long concernId, String status, Instant now, @Nullable String outcome, @Nullable String reason,
            @Nullable String basis);

    @Query("UPDATE referral SET deadline = :deadline, supervise_at = NULL WHERE concern_id = :concernId AND status = 'OPEN'")
    int moveDeadline(long concernId, Instant deadline);

    @Query("UPDATE referral SET extensions = extensions + 1 WHERE concern_id = :concernId AND status = 'OPEN'")
    int extensionAsked(long concernId);
}
