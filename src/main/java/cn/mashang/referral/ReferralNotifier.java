package cn.mashang.referral;

import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernChanged;
import cn.mashang.concern.ConcernEventType;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.referral.NotifyRecipients.To;
import cn.mashang.notify.NotificationMessage;
import cn.mashang.notify.Outbox;
import cn.mashang.region.RegionRepository;
import cn.mashang.sla.SlaConfig;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Notifications of the department loop through the outbox, in the event's transaction: a referral, a 催办 or 督办 to
 * the department (its robots in notify_target, else the default target of {@code sla.notify}); a 通报 to the
 * committee (the region's robot); a department's sign, answer, return or extension request to the station (its
 * notify_target robots, else {@code sla.notify.station-targets}). Tracking number, station, department and deadline
 * only: no resident content or contact. Dedupe key per event.
 */
@Singleton
class ReferralNotifier {
    private final Outbox outbox;
    private final SlaConfig.Notify routing;
    private final NotifyRecipients recipients;
    private final ConcernRepository concerns;
    private final DepartmentRepository departments;
    private final RegionRepository regions;
    private final Referrals referrals;

    ReferralNotifier(Outbox outbox, SlaConfig.Notify routing, NotifyRecipients recipients, ConcernRepository concerns,
                     DepartmentRepository departments, RegionRepository regions, Referrals referrals) {
        this.outbox = outbox;
        this.routing = routing;
        this.recipients = recipients;
        this.concerns = concerns;
        this.departments = departments;
        this.regions = regions;
        this.referrals = referrals;
    }

    @EventListener
    void on(ConcernChanged e) {
        String what = switch (e.type()) {
            case REFERRED -> "新交办";
            case URGED -> "催办";
            case ESCALATED -> "督办";
            case REPORTED -> "通报";
            case SIGNED -> "部门已签收";
            case DEPARTMENT_ANSWERED -> "部门已答复";
            case RETURNED -> "部门退回";
            case EXTENSION_REQUESTED -> "申请延期";
            default -> null;
        };
        if (what == null) {
            return;
        }
        Concern c = concerns.findById(e.concernId()).orElse(null);
        Referral r = c == null ? null : referrals.open(c.id()).or(() -> referrals.history(c.id()).stream()
                .reduce((a, b) -> b)).orElse(null);
        if (r == null) {
            return;
        }
        String dept = departments.findById(r.departmentId()).map(Department::name).orElse("承办部门");
        String md = "> 诉求编号：" + e.trackingNo() + "\n> 承办部门：" + dept + "\n> 办理期限："
                + cn.mashang.common.Times.show(r.deadline()).toLocalDate() + "\n请登录码上联络办理：/dept/concerns/" + c.id();
        var message = new NotificationMessage("【" + what + "】" + e.trackingNo(), md);
        for (To to : whom(e.type(), c, r)) {
            outbox.enqueue(to.channel(), to.target(), "referral." + e.type().name().toLowerCase(), message,
                    "referral:" + e.eventId() + ":" + to.channel() + ":" + to.target());
        }
    }

    private List<To> whom(ConcernEventType type, Concern c, Referral r) {
        return switch (type) {
            case REFERRED, URGED, ESCALATED -> recipients.department(r.departmentId(),
                    new To(routing.channel(), routing.defaultTarget()));
            case REPORTED -> List.of(new To(routing.channel(),
                    routing.regionTarget(regions.findById(c.regionId()).map(x -> x.path()).orElse(null))));
            default -> recipients.station(c.stationId(), new To(routing.channel(), routing.stationTarget(c.stationId())));
        };
    }

}
