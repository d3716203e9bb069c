package cn.mashang.referral;

import cn.mashang.auth.StaffAccountRepository;
import cn.mashang.notify.Channel;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a staff notification goes to: the configured robots (notify_target) of a department — and its people's own
 * robots — of a station, or of a deputy's logins; else the given fallback (the routing of {@code sla.notify}).
 * Used by the referral loop and by the suggestions (issue 24).
 */
@Singleton
public class NotifyRecipients {
    private final NotifyTarget.Repository targets;
    private final StaffAccountRepository accounts;

    NotifyRecipients(NotifyTarget.Repository targets, StaffAccountRepository accounts) {
        this.targets = targets;
        this.accounts = accounts;
    }

    /** A robot to send to. */
    public record To(Channel channel, String target) {
    }

    /** The department's robots and its people's own robots; else the fallback. */
    public List<To> department(long departmentId, To fallback) {
        List<To> out = new ArrayList<>(of(NotifyTarget.Kind.DEPARTMENT, departmentId));
        accounts.findByDepartmentIdAndActiveTrue(departmentId).forEach(a -> out.addAll(of(NotifyTarget.Kind.ACCOUNT, a.id())));
        return orElse(out, fallback);
    }

    /** The station's robots; else the fallback. */
    public List<To> station(long stationId, To fallback) {
        return orElse(of(NotifyTarget.Kind.STATION, stationId), fallback);
    }

    /** The own robots of the deputy's active logins; else the fallback (e.g. their station's group). */
    public List<To> deputy(long deputyId, To fallback) {
        List<To> out = new ArrayList<>();
        accounts.findByDeputyIdAndActiveTrue(deputyId).forEach(a -> out.addAll(of(NotifyTarget.Kind.ACCOUNT, a.id())));
        return orElse(out, fallback);
    }

    private List<To> of(NotifyTarget.Kind kind, long ownerId) {
        return targets.findByOwnerKindAndOwnerIdAndActiveTrue(kind, ownerId).stream()
                .map(t -> new To(t.channel(), t.target())).toList();
    }

    private static List<To> orElse(List<To> out, To fallback) {
        return out.isEmpty() ? List.of(fallback) : out.stream().distinct().toList();
    }
}
