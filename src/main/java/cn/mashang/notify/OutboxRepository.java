package cn.mashang.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

/**
 * Outbox queries. Claims are single-row conditional UPDATEs (each its own statement/transaction): the row
 * is claimed by whoever's UPDATE matches first; the others match 0 rows. No SELECT … FOR UPDATE SKIP LOCKED.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface OutboxRepository extends CrudRepository<OutboxEntry, Long> {

    Page<OutboxEntry> findByStatus(OutboxStatus status, Pageable pageable);

    Page<OutboxEntry> findAll(Pageable pageable);

    String IN_REGION = """
             FROM notification_outbox o LEFT JOIN station s ON s.id = o.station_id
             LEFT JOIN region r ON r.id = s.region_id
             WHERE (r.path LIKE :path OR (o.station_id IS NULL AND :topLevel = TRUE))""";

    @Query(value = "SELECT o.* " + IN_REGION + " ORDER BY o.id DESC", countQuery = "SELECT COUNT(*) " + IN_REGION)
    Page<OutboxEntry> findInRegion(String path, boolean topLevel, Pageable pageable);

    @Query(value = "SELECT o.* " + IN_REGION + " AND o.status = :status ORDER BY o.id DESC",
            countQuery = "SELECT COUNT(*) " + IN_REGION + " AND o.status = :status")
    Page<OutboxEntry> findInRegionByStatus(String path, boolean topLevel, String status, Pageable pageable);

    @Query("SELECT COUNT(*) " + IN_REGION + " AND o.id = :id")
    long countVisible(long id, String path, boolean topLevel);

    @Query("""
            SELECT id FROM notification_outbox WHERE status = 'PENDING' AND next_attempt_at <= :now
            ORDER BY next_attempt_at LIMIT :limit""")
    List<Long> findDue(Instant now, int limit);

    @Query("""
            SELECT id FROM notification_outbox WHERE status = 'SENDING' AND claimed_until < :now
            ORDER BY claimed_until LIMIT :limit""")
    List<Long> findExpired(Instant now, int limit);

    /** Claims one row if it is still due (or its lease expired) and has attempts left; counts the attempt. */
    @Query("""
            UPDATE notification_outbox
            SET status = 'SENDING', claimed_by = :claimant, claimed_until = :until, attempts = attempts + 1
            WHERE id = :id AND attempts < :maxAttempts
              AND ((status = 'PENDING' AND next_attempt_at <= :now) OR (status = 'SENDING' AND claimed_until < :now))""")
    int claim(long id, String claimant, Instant until, Instant now, int maxAttempts);

    /** Leases that expired on a row without attempts left (the sender died while sending it): give up. */
    @Query("""
            UPDATE notification_outbox
            SET status = 'FAILED', claimed_by = NULL, claimed_until = NULL, last_error = :error
            WHERE status = 'SENDING' AND claimed_until < :now AND attempts >= :maxAttempts""")
    int failExhaustedLeases(Instant now, int maxAttempts, String error);

    @Query("""
            UPDATE notification_outbox
            SET status = 'SENT', sent_at = :now, last_error = NULL, claimed_by = NULL, claimed_until = NULL
            WHERE id = :id AND status = 'SENDING' AND claimed_by = :claimant""")
    int markSent(long id, String claimant, Instant now);

    @Query("""
            UPDATE notification_outbox
            SET status = :status, next_attempt_at = :next, last_error = :error, claimed_by = NULL, claimed_until = NULL
            WHERE id = :id AND status = 'SENDING' AND claimed_by = :claimant""")
    int markFailedAttempt(long id, String claimant, String status, Instant next, @Nullable String error);

    @Query("""
            UPDATE notification_outbox
            SET status = 'PENDING', attempts = 0, next_attempt_at = :now, claimed_by = NULL, claimed_until = NULL
            WHERE id = :id AND status = 'FAILED'""")
    int retry(long id, Instant now);
}
