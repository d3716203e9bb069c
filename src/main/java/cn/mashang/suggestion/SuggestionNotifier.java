package cn.mashang.suggestion;

import cn.mashang.common.Times;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.notify.NotificationMessage;
import cn.mashang.notify.Outbox;
import cn.mashang.referral.NotifyRecipients;
import cn.mashang.referral.NotifyRecipients.To;
import cn.mashang.sla.SlaConfig;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Messages of a suggestion through the staff outbox, in the action's transaction: on assignment, on a reply and on
 * the second handling (不满意) both the author deputy (their logins' own robots, else the group of the station of the
 * first concern) and the lead unit (its robots and its people's, else the default target of {@code sla.notify}) are
 * told. Title, number, unit and deadline only. Dedupe key {@code suggestion:<id>:<event>:<round>:<to>}.
 */
@Singleton
class SuggestionNotifier {
    /** The events that send messages, and what their titles say to the deputy and to the unit. */
    enum Kind {
        ASSIGNED("建议已交办", "新交办建议"), REPLIED("建议已答复", "建议答复已记录"), REOPENED("建议二次办理", "建议二次办理");

        final String toDeputy;
        final String toUnit;

        Kind(String toDeputy, String toUnit) {
            this.toDeputy = toDeputy;
            this.toUnit = toUnit;
        }
    }

    private final Outbox outbox;
    private final SlaConfig.Notify routing;
    private final NotifyRecipients recipients;
    private final SuggestionStore store;
    private final ConcernRepository concerns;
    private final DepartmentRepository departments;

    SuggestionNotifier(Outbox outbox, SlaConfig.Notify routing, NotifyRecipients recipients, SuggestionStore store,
                       ConcernRepository concerns, DepartmentRepository departments) {
        this.outbox = outbox;
        this.routing = routing;
        this.recipients = recipients;
        this.store = store;
        this.concerns = concerns;
        this.departments = departments;
    }

    void on(Kind kind, Suggestion s) {
        if (s.leadDepartmentId() == null) {
            return;
        }
        Long station = store.concerns(s.id()).stream().findFirst().flatMap(concerns::findById).map(c -> c.stationId())
                .orElse(null);
        String unit = departments.findById(s.leadDepartmentId()).map(Department::name).orElse("承办单位");
        String facts = "> 建议：" + s.title() + "\n> 编号：" + (s.number() == null ? "—" : s.number()) + "\n> 主办单位：" + unit
                + (s.replyDue() == null || kind == Kind.REPLIED ? "" : "\n> 答复期限：" + Times.show(s.replyDue()).toLocalDate());
        To group = new To(routing.channel(), station == null ? routing.defaultTarget() : routing.stationTarget(station));
        send(kind, s, "deputy", recipients.deputy(s.authorDeputyId(), group), new NotificationMessage(
                "【" + kind.toDeputy + "】" + s.title(), facts + "\n请登录码上联络查看：/work/suggestions?id=" + s.id()), station);
        send(kind, s, "unit", recipients.department(s.leadDepartmentId(), new To(routing.channel(), routing.defaultTarget())),
                new NotificationMessage("【" + kind.toUnit + "】" + s.title(), facts
                        + "\n请登录码上联络办理：/dept/suggestions?id=" + s.id()), station);
    }

    private void send(Kind kind, Suggestion s, String who, List<To> to, NotificationMessage message, @Nullable Long station) {
        for (To t : to) {
            outbox.enqueue(t.channel(), t.target(), "suggestion." + kind.name().toLowerCase() + "." + who, message,
                    "suggestion:" + s.id() + ":" + kind.name() + ":" + s.round() + ":" + who + ":" + t.channel() + ":" + t.target(),
                    station);
        }
    }
}
