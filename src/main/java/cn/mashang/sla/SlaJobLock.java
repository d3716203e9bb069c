package cn.mashang.sla;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A lease per scheduled job in table {@code sla_job_lock}, so one replica runs a job at a time. A replica claims
 * with one conditional UPDATE (the lease is free when locked_until is past); the engine's row lock decides
 * between concurrent claims, on H2, MariaDB and MySQL alike. The lease expires by itself if the holder dies.
 */
@Singleton
public class SlaJobLock {
    static final Instant FREE = Instant.parse("2000-01-01T00:00:00Z");
    private final JdbcOperations jdbc;
    private final String instance = "sla-" + UUID.randomUUID().toString().substring(0, 8);

    SlaJobLock(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the job's lease until now + lease; returns the holder tag, or null when another replica holds it. */
    @Transactional
    public String tryClaim(String job, Instant now, Duration lease) {
        String holder = instance + "-" + now.toEpochMilli();
        int n = jdbc.prepareStatement("UPDATE sla_job_lock SET locked_until = ?, locked_by = ? WHERE name = ? AND locked_until < ?",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
                    ps.setString(2, holder);
                    ps.setString(3, job);
                    ps.setTimestamp(4, Timestamp.from(now));
                    return ps.executeUpdate();
                });
        return n == 1 ? holder : null;
    }

    /** Frees the lease if still ours (now is unused: a freed lease is always claimable). */
    @Transactional
    public void release(String job, String holder, Instant now) {
        jdbc.prepareStatement("UPDATE sla_job_lock SET locked_until = ?, locked_by = NULL WHERE name = ? AND locked_by = ?",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(FREE));
                    ps.setString(2, job);
                    ps.setString(3, holder);
                    return ps.executeUpdate();
                });
    }
}
