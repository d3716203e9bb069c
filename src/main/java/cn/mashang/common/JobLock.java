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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one lease for scheduled jobs (table {@code job_lock}), so that among N replicas one runs each job:
 * {@link #claim} takes the named row with one conditional {@code UPDATE … WHERE locked_until <= now} (the engine's
 * row lock decides between concurrent claims on H2, MariaDB, MySQL and Galera alike) for {@code lease}; the job
 * {@link Lease#close() closes} its lease when done, or — for a job that must run at most once per round — lets it
 * run out. A replica that dies holding a lease blocks the job only until the lease ends. Each claim has its own
 * holder tag, so closing a lease that already ran out never frees somebody else's. Rows are created on first use.
 * {@code now} comes from the caller (jobs with a test clock).
 */
@Singleton
public class JobLock {
    private static final Logger LOG = LoggerFactory.getLogger(JobLock.class);
    /** locked_until of a free lock: far in the past (whole seconds: some drivers drop fractions). */
    static final Instant FREE = Instant.parse("2000-01-01T00:00:00Z");
    private final JdbcOperations jdbc;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong claims = new AtomicLong();

    JobLock(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A claimed lease; {@link #close()} frees it if it is still this claim's. */
    public final class Lease implements AutoCloseable {
        private final String name;
        private final String holder;

        private Lease(String name, String holder) {
            this.name = name;
            this.holder = holder;
        }

        public String name() {
            return name;
        }

        @Override
        public void close() {
            release(this);
        }
    }

    /** The lease of {@code name} until now + lease, or empty when another claim holds it. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public Optional<Lease> claim(String name, Instant now, Duration lease) {
        ensureRow(name);
        String holder = instance + "-" + claims.incrementAndGet();
        int n = jdbc.prepareStatement("UPDATE job_lock SET locked_until = ?, locked_by = ? WHERE name = ? AND locked_until <= ?",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
                    ps.setString(2, holder);
                    ps.setString(3, name);
                    ps.setTimestamp(4, Timestamp.from(now));
                    return ps.executeUpdate();
                });
        return n == 1 ? Optional.of(new Lease(name, holder)) : Optional.empty();
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    void release(Lease lease) {
        jdbc.prepareStatement("UPDATE job_lock SET locked_until = ?, locked_by = NULL WHERE name = ? AND locked_by = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(FREE));
            ps.setString(2, lease.name);
            ps.setString(3, lease.holder);
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
