package cn.mashang.resident.message;

import cn.mashang.concern.ConcernChanged;
import cn.mashang.concern.ConcernEventType;
import cn.mashang.concern.ConcernState;
import cn.mashang.concern.Outcome;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Messages to the resident on the life cycle, queued in the transaction of the event ({@link ConcernChanged} is
 * published inside it): accepted, answered (a deputy's or a department's answer), referred (department name),
 * resolved (outcome, and the link is where to rate), reopened, rejected (the reason, shortened). Dedupe key
 * {@code resident:concern:<event id>:<channel>}. Channels decide whether they reach the resident (SMS: opted in).
 */
@Singleton
class ConcernMessages {
    static final int REASON_CHARS = 20;
    private final ResidentMessages messages;
    private final ResidentLinks links;
    private final JdbcOperations jdbc;

    ConcernMessages(ResidentMessages messages, ResidentLinks links, JdbcOperations jdbc) {
        this.messages = messages;
        this.links = links;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ConcernChanged e) {
        String state = state(e);
        if (state != null) {
            messages.send(Recipient.concern(e.concernId()), "concern." + e.type().name().toLowerCase(),
                    new ResidentNotice("反映", e.trackingNo(), state, links.concern(e.trackingNo())),
                    "concern:" + e.eventId(), e.stationId());
        }
    }

    private String state(ConcernChanged e) {
        ConcernEventType t = e.type();
        if (t == ConcernEventType.ACCEPTED || t == ConcernEventType.ASSIGNED && e.fromState() == ConcernState.SUBMITTED) {
            return "已受理";
        }
        return switch (t) {
            case REPLIED, DEPARTMENT_ANSWERED -> "已答复";
            case REFERRED -> "已交办" + brackets(text("SELECT d.name FROM concern c JOIN department d ON d.id = c.department_id WHERE c.id = ?", e.concernId()));
            case RESOLVED -> {
                String outcome = text("SELECT outcome FROM concern WHERE id = ?", e.concernId());
                yield "已办结" + brackets(outcome == null ? null : Outcome.valueOf(outcome).label()) + "，请评价";
            }
            case REOPENED -> "重新办理";
            case REJECTED -> "不予受理" + brackets(shorten(text("SELECT body FROM concern_event WHERE id = ?", e.eventId())));
            default -> null;
        };
    }

    private static String brackets(String s) {
        return s == null || s.isBlank() ? "" : "（" + s + "）";
    }

    private static String shorten(String s) {
        if (s == null) {
            return null;
        }
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= REASON_CHARS ? one : one.substring(0, REASON_CHARS) + "…";
    }

    private String text(String sql, long id) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }
}
