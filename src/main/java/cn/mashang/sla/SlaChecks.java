package cn.mashang.sla;

import cn.mashang.concern.ConcernChanged;
import cn.mashang.concern.ConcernEventType;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * concern.sla_check_at (V101): when the overdue job must look at a concern next. Every concern event sets it to the
 * event's time (in the event's transaction: the next pass re-reads the changed concern) — except SUBMITTED: a new
 * row's NULL already means "look"; the job sets it past each look ({@link #next}).
 */
@Singleton
class SlaChecks {
    /** No running clock: nothing to look at until the next event. */
    static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    private final JdbcOperations jdbc;

    SlaChecks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional
    void on(ConcernChanged e) {
        if (e.type() == ConcernEventType.SUBMITTED) {
            return; // a new row's sla_check_at is NULL, which already means "look" (one UPDATE less per submission)
        }
        jdbc.prepareStatement("UPDATE concern SET sla_check_at = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(e.at()));
            ps.setLong(2, e.concernId());
            return ps.executeUpdate();
        });
    }

    /** Records the next look of each concern (id → moment, {@link #NEVER} when no clock runs). */
    @Transactional
    void next(Map<Long, Instant> next) {
        if (next.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("UPDATE concern SET sla_check_at = ? WHERE id = ?", ps -> {
            for (var e : next.entrySet()) {
                ps.setTimestamp(1, Timestamp.from(e.getValue()));
                ps.setLong(2, e.getKey());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }
}
