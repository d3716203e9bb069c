package cn.mashang.resident.message;

import cn.mashang.common.JobLock;
import cn.mashang.common.Times;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reminders to residents, one replica a round ({@link JobLock}): rate a resolved concern before it auto-closes
 * (opted-in concerns whose feedback window ends within {@code rating-reminder-lead}; once per resolution), and a
 * booked reception session starting within {@code booking-reminder-lead} (once per booking).
 */
@Singleton
public class ResidentReminders {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private final JdbcOperations jdbc;
    private final ResidentMessages messages;
    private final ResidentLinks links;
    private final MessageConfig config;
    private final JobLock lock;

    ResidentReminders(JdbcOperations jdbc, ResidentMessages messages, ResidentLinks links, MessageConfig config,
                      JobLock lock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.links = links;
        this.config = config;
        this.lock = lock;
    }

    @Scheduled(fixedDelay = "${resident.messages.interval:10m}", initialDelay = "3m")
    void round() {
        Instant now = Times.now();
        if (config.jobsEnabled() && lock.claim("resident-reminders", now, Duration.ofMinutes(9)).isPresent()) {
            run(now);
        }
    }

    private record Due(long id, String ref, long stationId, Instant at) {
    }

    /** Queues the reminders due at {@code now}; answers the outbox rows written. */
    @Transactional
    public int run(Instant now) {
        int written = 0;
        for (Due d : due("""
                SELECT c.id, c.tracking_no, c.station_id, c.resolved_at FROM concern c
                WHERE c.state = 'RESOLVED' AND c.merged_into_id IS NULL AND c.feedback_due > ? AND c.feedback_due <= ?
                  AND EXISTS (SELECT 1 FROM resident_subscription s WHERE s.concern_id = c.id AND s.active = TRUE)""",
                now, now.plus(config.ratingReminderLead()))) {
            written += messages.send(Recipient.concern(d.id()), "concern.rating-reminder",
                    new ResidentNotice("反映", d.ref(), "待评价，即将自动结束", links.concern(d.ref())),
                    "rating-reminder:" + d.id() + ":" + d.at().getEpochSecond(), d.stationId());
        }
        for (Due d : due("""
                SELECT b.id, b.booking_code, s.station_id, s.starts_at FROM reception_booking b
                JOIN reception_session s ON s.id = b.session_id
                WHERE b.status = 'BOOKED' AND s.status = 'SCHEDULED' AND s.starts_at > ? AND s.starts_at <= ?""",
                now, now.plus(config.bookingReminderLead()))) {
            written += messages.send(Recipient.booking(d.id()), "booking.reminder",
                    new ResidentNotice("接待预约", d.ref(), d.at().atZone(Times.ZONE).format(WHEN) + " 接待，请按时到站",
                            links.session(sessionOf(d.id()))), "booking-reminder:" + d.id(), d.stationId());
        }
        return written;
    }

    private long sessionOf(long bookingId) {
        return jdbc.prepareStatement("SELECT session_id FROM reception_booking WHERE id = ?", ps -> {
            ps.setLong(1, bookingId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private List<Due> due(String sql, Instant from, Instant to) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            List<Due> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant()));
                }
            }
            return out;
        });
    }
}
