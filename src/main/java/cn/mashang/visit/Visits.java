package cn.mashang.visit;

import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffScope;
import cn.mashang.calendar.WorkingCalendar;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.concern.Channel;
import cn.mashang.concern.intake.IntakeCore;
import cn.mashang.concern.intake.StaffIntake;
import cn.mashang.deputy.Membership;
import cn.mashang.deputy.MembershipRepository;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a deputy's visit (走访). The concerns raised on the spot go through the one staff intake
 * ({@link StaffIntake}, channel VISIT, addressed to the visiting deputy) first, each idempotent by a key derived from
 * the visit's Idempotency-Key; then the visit and its links are written at once. A retry with the same key replays.
 */
@Singleton
class Visits {
    static final int MAX_CONCERNS = 20;
    private final StaffIntake intake;
    private final VisitStore store;
    private final Scopes scopes;
    private final MembershipRepository memberships;
    private final WorkingCalendar calendar;

    Visits(StaffIntake intake, VisitStore store, Scopes scopes, MembershipRepository memberships,
           WorkingCalendar calendar) {
        this.intake = intake;
        this.store = store;
        this.scopes = scopes;
        this.memberships = memberships;
        this.calendar = calendar;
    }

    record Result(Visit.View view, boolean replayed) {
    }

    Result record(Visit.Input in, String idemKey, Authentication auth) {
        StaffScope me = deputy(auth);
        IntakeCore.requireKey(idemKey);
        if (in.stationId() == null) {
            throw ApiException.badField("stationId", "请选择联络站");
        }
        memberships.findByStationIdAndDeputyId(in.stationId(), me.deputyId()).filter(Membership::active)
                .orElseThrow(() -> ApiException.notFound("联络站"));
        LocalDate today = calendar.today();
        if (in.visitDate() == null || in.visitDate().isAfter(today) || in.visitDate().isBefore(today.minusYears(1))) {
            throw ApiException.badField("visitDate", "走访日期应在一年之内，且不晚于今天");
        }
        String place = text(in.place(), "place", 200);
        String topics = text(in.topics(), "topics", 2000);
        if (in.residents() == null || in.residents() < 1 || in.residents() > 1000) {
            throw ApiException.badField("residents", "走访群众人数应为 1 到 1000");
        }
        List<Visit.Raised> raised = in.concerns() == null ? List.of() : in.concerns();
        if (raised.size() > MAX_CONCERNS) {
            throw ApiException.badField("concerns", "一次走访最多登记 " + MAX_CONCERNS + " 件反映");
        }
        var earlier = store.byKey(me.accountId(), idemKey);
        List<StaffIntake.Answer> answers = new ArrayList<>();
        String base = idemKey.length() > 70 ? idemKey.substring(0, 70) : idemKey;
        for (int i = 0; i < raised.size(); i++) {
            Visit.Raised r = raised.get(i);
            if (r == null) {
                throw ApiException.badField("concerns", "第 " + (i + 1) + " 件反映为空");
            }
            answers.add(intake.create(in.stationId(), new StaffIntake.Request(Channel.VISIT, r.category(), r.content(),
                    r.address(), r.contactName(), r.mobile(), r.consent(), me.deputyId(), null), base + "-v" + i,
                    new StaffIntake.Actor(me.accountId(), me.role().name()), null).answer());
        }
        if (earlier.isPresent()) {
            return new Result(with(earlier.get(), answers), true);
        }
        long id = store.insert(me.deputyId(), in.stationId(), in.visitDate(), place, in.residents(), topics, idemKey,
                me.accountId(), answers.stream().map(StaffIntake.Answer::concernId).toList(), Times.now());
        return new Result(with(store.byId(id).orElseThrow(), answers), false);
    }

    List<Visit.View> mine(Authentication auth) {
        return store.ofDeputy(deputy(auth).deputyId());
    }

    private StaffScope deputy(Authentication auth) {
        StaffScope me = scopes.of(auth);
        if (me.deputyId() == null || me.role() == Role.ADMIN || me.role() == Role.DEPARTMENT) {
            throw new ApiException(HttpStatus.FORBIDDEN, "无权操作", "走访由代表本人记录");
        }
        return me;
    }

    private static Visit.View with(Visit.View v, List<StaffIntake.Answer> answers) {
        return new Visit.View(v.id(), v.deputyId(), v.stationId(), v.visitDate(), v.place(), v.residents(), v.topics(),
                v.concernCount(), answers, v.createdAt());
    }

    private static String text(String value, String field, int max) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty() || t.length() > max) {
            throw ApiException.badField(field, "请填写，不超过 " + max + " 字");
        }
        return t;
    }
}
