package cn.mashang.common;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A lease in the {@code job_lock} table so that one replica runs a scheduled job: {@link #tryLock} claims the row
 * with {@code UPDATE … WHERE locked_until < now} (one winner, whatever the number of replicas) for a lease
 * longer than a run; {@link #unlock} gives it back early. A replica that dies holding it blocks the job only
 * until the lease ends. Rows are created on first use.
 */
@Singleton
public class JobLock {
    private static final Logger LOG = LoggerFactory.getLogger(JobLock.class);
    /** locked_until of a free lock: far in the past (whole seconds: some drivers drop fractions). */
    private static final Instant FREE = Instant.parse("2000-01-01T00:00:00Z");
    private final JdbcOperations jdbc;
    private final String owner = UUID.randomUUID().toString();

    JobLock(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this replica holds {@code name} until now + lease. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public boolean tryLock(String name, Duration lease) {
        Instant now = Times.now();
        ensureRow(name);
        return jdbc.prepareStatement("UPDATE job_lock SET locked_until = ?, locked_by = ? WHERE name = ? AND locked_until < ?",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
                    ps.setString(2, owner);
                    ps.setString(3, name);
                    ps.setTimestamp(4, Timestamp.from(now));
                    return ps.executeUpdate();
                }) == 1;
    }

    /** Releases {@code name} if this replica holds it. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void unlock(String name) {
        jdbc.prepareStatement("UPDATE job_lock SET locked_until = ? WHERE name = ? AND locked_by = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(FREE));
            ps.setString(2, name);
            ps.setString(3, owner);
            return ps.executeUpdate();
        });
    }

    private void ensureRow(String name) {
        jdbc.prepareStatement("INSERT INTO job_lock (name, locked_until) SELECT ?, ? FROM DUAL "
                + "WHERE NOT EXISTS (SELECT 1 FROM job_lock WHERE name = ?)", ps -> {
            ps.setString(1, name);
            ps.setTimestamp(2, Timestamp.from(FREE));
            ps.setString(3, name);
            try {
                return ps.executeUpdate();
            } catch (java.sql.SQLException e) {
                LOG.debug("job_lock row {} created concurrently: {}", name, e.toString());
                return 0;
            }
        });
    }
}
