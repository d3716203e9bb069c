package cn.mashang.resident.message;

import cn.mashang.common.Times;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;

/**
 * The resident's opt-in ("有进展时通知我") per concern and channel (table resident_subscription). Revoking keeps the
 * row with active = FALSE; a channel checks {@link #active} again at delivery, so a revoked opt-in also stops
 * messages already queued.
 */
@Singleton
public class Subscriptions {
    private final JdbcOperations jdbc;

    Subscriptions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Turns the opt-in on or off (joins the caller's transaction, e.g. the submission's). */
    @Transactional
    public void set(long concernId, String channel, boolean active) {
        Timestamp now = Timestamp.from(Times.now());
        int updated = jdbc.prepareStatement(
                "UPDATE resident_subscription SET active = ?, updated_at = ? WHERE concern_id = ? AND channel = ?", ps -> {
                    ps.setBoolean(1, active);
                    ps.setTimestamp(2, now);
                    ps.setLong(3, concernId);
                    ps.setString(4, channel);
                    return ps.executeUpdate();
                });
        if (updated == 0 && active) {
            jdbc.prepareStatement("""
                    INSERT IGNORE INTO resident_subscription (concern_id, channel, active, created_at, updated_at)
                    VALUES (?, ?, TRUE, ?, ?)""", ps -> {
                ps.setLong(1, concernId);
                ps.setString(2, channel);
                ps.setTimestamp(3, now);
                ps.setTimestamp(4, now);
                return ps.executeUpdate();
            });
        }
    }

    @Transactional(readOnly = true)
    public boolean active(long concernId, String channel) {
        return jdbc.prepareStatement(
                "SELECT COUNT(*) FROM resident_subscription WHERE concern_id = ? AND channel = ? AND active = TRUE", ps -> {
                    ps.setLong(1, concernId);
                    ps.setString(2, channel);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1) > 0;
                    }
                });
    }
}
