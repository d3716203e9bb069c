package cn.mashang.sla;

import cn.mashang.notify.NotificationMessage;
import cn.mashang.notify.Outbox;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Records one escalation step and queues its message in one transaction. The unique key of sla_escalation
 * (concern, segment, level, deadline) makes a step happen once however many runs or replicas see the breach;
 * the outbox dedupe key {@code sla:<concern>:<segment>:<level>:<deadline millis>} guards the message as well.
 */
@Singleton
class EscalationWriter {
    private final JdbcOperations jdbc;
    private final Outbox outbox;
    private final ApplicationEventPublisher<SlaBreached> events;

    EscalationWriter(JdbcOperations jdbc, Outbox outbox, ApplicationEventPublisher<SlaBreached> events) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.events = events;
    }

    /** @return true when this call recorded the step (and queued its message) */
    @Transactional
    public boolean escalate(OpenConcerns.Open o, SlaClock clock, EscalationLevel level, Instant now,
                            SlaConfig.Notify routing, String target, NotificationMessage message) {
        int n = jdbc.prepareStatement("""
                INSERT IGNORE INTO sla_escalation (concern_id, station_id, segment, level, deadline, breached_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setLong(1, o.facts().concernId());
            ps.setLong(2, o.stationId());
            ps.setString(3, clock.segment().name());
            ps.setString(4, level.name());
            ps.setTimestamp(5, Timestamp.from(clock.deadline()));
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setTimestamp(7, Timestamp.from(now));
            return ps.executeUpdate();
        });
        if (n == 0) {
            return false;
        }
        outbox.enqueue(routing.channel(), target, "sla." + level.name().toLowerCase(), message,
                "sla:" + o.facts().concernId() + ":" + clock.segment() + ":" + level + ":" + clock.deadline().toEpochMilli(),
                o.stationId());
        events.publishEvent(new SlaBreached(o.facts().concernId(), o.stationId(), o.facts().createdAt(), clock.segment(),
                level, clock.deadline()));
        return true;
    }
}
