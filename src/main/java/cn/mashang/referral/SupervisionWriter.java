package cn.mashang.referral;

import cn.mashang.concern.ActorType;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernEvent;
import cn.mashang.concern.ConcernTimeline;
import cn.mashang.sla.SlaSegment;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Records one automatic supervision step in one transaction: the referral_notice row (its unique key makes the step
 * happen once however many runs or replicas see it) and, only when this call inserted it, the system's timeline
 * row (whose ConcernChanged event queues the notification, {@link ReferralNotifier}).
 */
@Singleton
class SupervisionWriter {
    private final JdbcOperations jdbc;
    private final ConcernTimeline timeline;

    SupervisionWriter(JdbcOperations jdbc, ConcernTimeline timeline) {
        this.jdbc = jdbc;
        this.timeline = timeline;
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
