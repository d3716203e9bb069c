package cn.mashang.reception;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A lease on a named job row of {@code reception_job_lock}: one guarded UPDATE claims it when the previous lease
 * has run out, so among N replicas exactly one runs each round.
 */
@Singleton
class JobLock {
    private final JdbcOperations jdbc;
    private final String instance = "reception-" + UUID.randomUUID().toString().substring(0, 8);

    JobLock(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public boolean claim(String name, Instant now, Duration lease) {
        return jdbc.prepareStatement("""
                UPDATE reception_job_lock SET locked_until = ?, locked_by = ? WHERE name = ? AND locked_until <= ?""",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
                    ps.setString(2, instance);
                    ps.setString(3, name);
                    ps.setTimestamp(4, Timestamp.from(now));
                    return ps.executeUpdate();
                }) == 1;
    }
}
