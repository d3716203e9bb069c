package cn.mashang.referral;

import cn.mashang.concern.ActorType;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernEvent;
import cn.mashang.concern.ConcernTimeline;
import cn.mashang.sla.SlaSegment;
import cn.mashang.sla.SlaInputsChanged;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * Records one automatic supervision step in one transaction: the referral_notice row (its unique key makes the step
 * happen once however many runs or replicas see it) and, only when this call inserted it, the system's timeline
 * row (whose ConcernChanged event queues the notification, {@link ReferralNotifier}). And the referrals' next looks
 * (referral.supervise_at, V112): set by the job after each look, cleared on every open referral when an SLA rule or
 * the calendar changed (the working days the steps count may have moved).
 */
@Singleton
class SupervisionWriter {
    private final JdbcOperations jdbc;
    private final ConcernTimeline timeline;

    SupervisionWriter(JdbcOperations jdbc, ConcernTimeline timeline) {
        this.jdbc = jdbc;
        this.timeline = timeline;
    }

    /** No step left for the referral's current deadlines: nothing to look at until one of them is written. */
    static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    /** Records the next look of each referral (id → moment, {@link #NEVER} when no step is left). */
    @Transactional
    void looks(Map<Long, Instant> next) {
        if (next.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("UPDATE referral SET supervise_at = ? WHERE id = ?", ps -> {
            for (var e : next.entrySet()) {
                ps.setTimestamp(1, Timestamp.from(e.getValue()));
                ps.setLong(2, e.getKey());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    @EventListener
    @Transactional
    void on(SlaInputsChanged e) {
        jdbc.prepareStatement("UPDATE referral SET supervise_at = NULL WHERE status = 'OPEN'", ps -> ps.executeUpdate());
    }

    /** @return true when this call recorded the step */
    @Transactional
    public boolean step(Referral r, Concern c, SlaSegment segment, SupervisionStep step, Instant deadline, Instant now,
                        String text) {
        int n = jdbc.prepareStatement("""
                INSERT IGNORE INTO referral_notice (referral_id, concern_id, segment, step, deadline, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setLong(1, r.id());
            ps.setLong(2, c.id());
            ps.setString(3, segment.name());
            ps.setString(4, step.name());
            ps.setTimestamp(5, Timestamp.from(deadline));
            ps.setTimestamp(6, Timestamp.from(now));
            return ps.executeUpdate();
        });
        if (n == 0) {
            return false;
        }
        timeline.record(c, new ConcernEvent(null, c.id(), step.event, ActorType.SYSTEM, null, "SYSTEM", c.state(),
                c.state(), text, "{\"segment\":\"" + segment.name() + "\",\"deadline\":\"" + deadline + "\"}", false, now));
        return true;
    }
}
