package cn.mashang.notify;

import cn.mashang.sla.SlaConfig;
import cn.mashang.concern.ConcernChanged;
import cn.mashang.concern.ConcernEventType;
import cn.mashang.notify.NotificationMessage;
import cn.mashang.notify.Outbox;
import cn.mashang.station.DisplayNames;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Messages to deputies on the life cycle, written to the outbox in the transaction of the event
 * ({@link ConcernChanged} is published inside it): a new concern (to the station's group robot, naming the
 * addressed deputy), an assignment, and a reopen after 不满意. Dedupe key {@code concern:<id>:<event id>}.
 * Routing as for overdue messages ({@link SlaConfig.Notify}). No resident content or contact data.
 */
@Singleton
class ConcernNotifier {
    private final Outbox outbox;
    private final SlaConfig.Notify routing;
    private final DisplayNames names;

    ConcernNotifier(Outbox outbox, SlaConfig.Notify routing, DisplayNames names) {
        this.outbox = outbox;
        this.routing = routing;
        this.names = names;
    }

    @EventListener
    void on(ConcernChanged e) {
        String what = switch (e.type()) {
            case SUBMITTED -> "新诉求";
            case ASSIGNED -> "诉求已分派";
            case REOPENED -> "群众不满意，重新办理";
            default -> null;
        };
        if (what == null) {
            return;
        }
        Long deputy = e.type() == ConcernEventType.SUBMITTED ? e.deputyId()
                : (e.assigneeDeputyId() != null ? e.assigneeDeputyId() : e.deputyId());
        String[] names = names(e.stationId(), deputy);
        String to = names[1] == null ? "请联络员及时受理、分派。" : "请 " + names[1] + " 代表及时处理。";
        outbox.enqueue(routing.channel(), routing.stationTarget(e.stationId()), "concern." + e.type().name().toLowerCase(),
                new NotificationMessage("【" + what + "】" + e.trackingNo(), "**" + names[0] + "**\n> 诉求编号：" + e.trackingNo()
                        + "\n" + to), "concern:" + e.concernId() + ":" + e.eventId(), e.stationId());
    }

    private String[] names(long stationId, Long deputyId) {
        String station = names.stationName(stationId);
        return new String[]{station.isEmpty() ? "联络站" : station, names.deputyName(deputyId)};
    }
}
