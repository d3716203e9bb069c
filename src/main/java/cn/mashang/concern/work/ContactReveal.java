package cn.mashang.concern.work;

import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernState;
import cn.mashang.auth.StaffScope;
import cn.mashang.common.ApiException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * Who may see a resident's full contact data (the form promises "仅承办代表和联络员可见"): the current handlers
 * only — the station's liaisons and head(s), and the deputy it is assigned to (while unassigned, the deputy it was
 * addressed to) — and only while the concern is open or within {@code pii.reveal-days-after-finish} (default 7)
 * of its end. Admins and other deputies of the station see the masked number only. Departments never get it
 * through this route (a referral carries no contact data).
 */
@Singleton
class ContactReveal {
    private final Duration grace;

    ContactReveal(@Value("${pii.reveal-days-after-finish:7}") int days) {
        this.grace = Duration.ofDays(days);
    }

    /** Nothing when the caller may see it; otherwise the 403 that explains why not. */
    void require(Concern c, StaffScope me, Instant now) {
        boolean handler = switch (me.role()) {
            case LIAISON, STATION_HEAD -> me.stationIds().contains(c.stationId());
            case DEPUTY -> me.stationIds().contains(c.stationId()) && me.deputyId() != null
                    && me.deputyId().equals(c.assigneeDeputyId() != null ? c.assigneeDeputyId() : c.deputyId());
            case ADMIN, DEPARTMENT -> false; // a department reveals through its own referral view, when shared
        };
        if (!handler) {
            throw new ApiException(HttpStatus.FORBIDDEN, "无权查看", "群众的联系方式仅承办代表和本站联络员、站长可见");
        }
        Instant end = finishedAt(c);
        if (end != null && now.isAfter(end.plus(grace))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "无权查看",
                    "此反映已办结超过 " + grace.toDays() + " 天，联系方式不再显示");
        }
    }

    /** When the concern finished (null while open). */
    static Instant finishedAt(Concern c) {
        if (c.state().isOpen()) {
            return null;
        }
        return switch (c.state()) {
            case CLOSED -> c.closedAt() != null ? c.closedAt() : c.updatedAt();
            case RESOLVED -> c.resolvedAt() != null ? c.resolvedAt() : c.updatedAt();
            default -> c.updatedAt();
        };
    }
}
