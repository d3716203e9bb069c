package cn.mashang.suggestion;

import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffScope;
import cn.mashang.calendar.WorkingCalendar;
import cn.mashang.cluster.RetryOnConflict;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.concern.Concern;
import cn.mashang.concern.Rating;
import cn.mashang.concern.lifecycle.ConcernLifecycle;
import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.suggestion.Suggestion.State;
import cn.mashang.suggestion.SuggestionStateMachine.Action;
import cn.mashang.suggestion.SuggestionStateMachine.Facts;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Drafts suggestions from concerns and carries out their actions in one transaction each: scope (404), the
 * client's version (400 missing, 409 stale), {@link SuggestionStateMachine} (403/409), the body's fields (400), then
 * one guarded write, the timeline rows and the messages ({@link SuggestionNotifier}). Reply clocks run on the
 * working-day calendar.
 */
@Singleton
class Suggestions {
    static final String WHAT = "建议";
    private final SuggestionRepository repo;
    private final SuggestionStore store;
    private final Scopes scopes;
    private final ConcernLifecycle concerns;
    private final DeputyRepository deputies;
    private final DepartmentRepository departments;
    private final WorkingCalendar calendar;
    private final SuggestionNotifier notifier;
    private final int replyDays;
    private final int secondRoundDays;

    Suggestions(SuggestionRepository repo, SuggestionStore store, Scopes scopes, ConcernLifecycle concerns,
                DeputyRepository deputies, DepartmentRepository departments, WorkingCalendar calendar,
                SuggestionNotifier notifier,
                @Value("${mashang.suggestion.reply-working-days:60}") int replyDays,
                @Value("${mashang.suggestion.second-round-working-days:30}") int secondRoundDays) {
        this.repo = repo;
        this.store = store;
        this.scopes = scopes;
        this.concerns = concerns;
        this.deputies = deputies;
        this.departments = departments;
        this.calendar = calendar;
        this.notifier = notifier;
        this.replyDays = replyDays;
        this.secondRoundDays = secondRoundDays;
    }

    /** The suggestion and what the caller is to it; 404 when the caller is none of its deputies, units, committee. */
    record Held(Suggestion s, StaffScope me, Facts facts) {
    }

    Held visible(long id, Authentication auth) {
        Suggestion s = repo.findById(id).orElseThrow(() -> ApiException.notFound(WHAT));
        StaffScope me = scopes.of(auth);
        boolean committee = me.role() == Role.ADMIN && scopes.canAdministerRegion(auth, s.regionId());
        var units = me.role() == Role.DEPARTMENT && me.departmentId() != null ? store.units(id) : List.<SuggestionStore.Linked>of();
        boolean unit = units.stream().anyMatch(u -> u.id() == me.departmentId());
        boolean lead = units.stream().anyMatch(u -> u.id() == me.departmentId() && u.first());
        boolean staffDeputy = me.deputyId() != null && me.role() != Role.ADMIN && me.role() != Role.DEPARTMENT;
        var mine = staffDeputy ? store.deputies(id).stream().filter(d -> d.id() == me.deputyId()).findFirst() : java.util.Optional.<SuggestionStore.Linked>empty();
        if (!committee && !unit && mine.isEmpty()) {
            throw ApiException.notFound(WHAT);
        }
        return new Held(s, me, new Facts(s.state(), s.round(), committee, lead, mine.map(SuggestionStore.Linked::first).orElse(false)));
    }

    @Transactional
    Suggestion draft(SuggestionBody.Draft body, Authentication auth) {
        StaffScope me = scopes.of(auth);
        if (me.deputyId() == null || me.role() == Role.ADMIN || me.role() == Role.DEPARTMENT) {
            throw new ApiException(HttpStatus.FORBIDDEN, "无权操作", "代表建议由代表提出");
        }
        body.check();
        List<Concern> from = new LinkedHashSet<>(body.concernIds()).stream().map(id -> concerns.visible(id, auth)).toList();
        LinkedHashSet<Long> joint = new LinkedHashSet<>(body.jointDeputyIds() == null ? List.of() : body.jointDeputyIds());
        joint.remove(me.deputyId());
        for (Long d : joint) {
            if (d == null || deputies.findById(d).filter(x -> x.active()).isEmpty()) {
                throw ApiException.badField("jointDeputyIds", "联名代表不存在：" + d);
            }
        }
        Instant now = Times.now();
        Suggestion s = repo.save(new Suggestion(null, from.get(0).regionId(), me.deputyId(),
                SuggestionBody.text(body.title(), "title", 100), SuggestionBody.text(body.body(), "body", 8000),
                SuggestionBody.text(body.sessionName(), "sessionName", 64),
                SuggestionBody.text(body.category(), "category", 32), State.SUBMITTED, null, null, null, 1, null, null,
                null, 0, me.accountId(), now, now));
        store.addDeputy(s.id(), me.deputyId(), true);
        joint.forEach(d -> store.addDeputy(s.id(), d, false));
        from.forEach(c -> store.addConcern(s.id(), c.id()));
        store.event(s.id(), "SUBMITTED", 1, me.accountId(), me.role().name(), null, null, null, now);
        return s;
    }

    @RetryOnConflict
    @Transactional
    Suggestion act(long id, Action action, SuggestionBody.Action body, Authentication auth) {
        Held h = visible(id, auth);
        Suggestion s = h.s();
        if (body.version() == null) {
            throw ApiException.badField("version", "请带上页面上建议的版本号（version）");
        }
        if (body.version() != s.version()) {
            throw stale(s);
        }
        Rating rating = body instanceof SuggestionBody.Rate r ? r.rating() : null;
        State to = SuggestionStateMachine.target(h.facts(), action, rating);
        body.check();
        Instant now = Times.now();
        long account = h.me().accountId();
        String role = h.me().role().name();
        String number = s.number();
        Long lead = s.leadDepartmentId();
        Instant due = s.replyDue();
        int round = s.round();
        Instant ratedAt = s.ratedAt();
        Instant closedAt = to == State.CLOSED ? now : null;
        switch (body) {
            case SuggestionBody.Register r -> {
                number = SuggestionBody.text(r.number(), "number", 32);
                if (repo.existsByRegionIdAndNumber(s.regionId(), number)) {
                    throw ApiException.badField("number", "该编号已被使用");
                }
                store.event(id, "REGISTERED", round, account, role, null, null, "登记编号 " + number, now);
            }
            case SuggestionBody.Assign a -> {
                lead = unit(a.leadDepartmentId(), "leadDepartmentId", auth).id();
                store.addUnit(id, lead, true);
                for (Long co : new LinkedHashSet<>(a.coDepartmentIds() == null ? List.<Long>of() : a.coDepartmentIds())) {
                    store.addUnit(id, unit(co, "coDepartmentIds", auth).id(), false);
                }
                due = calendar.addWorkingDays(now, a.replyWorkingDays() == null ? replyDays : a.replyWorkingDays());
                store.event(id, "ASSIGNED", round, account, role, lead, null, null, now);
            }
            case SuggestionBody.Reply r ->
                    store.event(id, "REPLIED", round, account, role, lead, null, SuggestionBody.text(r.text(), "text", 4000), now);
            case SuggestionBody.Rate r -> {
                ratedAt = now;
                store.event(id, "RATED", round, account, role, null, r.rating(), blank(r.comment()), now);
                if (to == State.ASSIGNED) {
                    round++;
                    due = calendar.addWorkingDays(now, secondRoundDays);
                    store.event(id, "REOPENED", round, null, "SYSTEM", lead, null, null, now);
                }
            }
        }
        if (repo.apply(id, s.version(), to.name(), number, lead, due, round, rating == null ? name(s.rating()) : rating.name(),
                ratedAt, closedAt, now) != 1) {
            throw stale(repo.findById(id).orElse(s));
        }
        Suggestion after = repo.findById(id).orElseThrow();
        switch (action) {
            case ASSIGN -> notifier.on(SuggestionNotifier.Kind.ASSIGNED, after);
            case REPLY -> notifier.on(SuggestionNotifier.Kind.REPLIED, after);
            case RATE -> {
                if (to == State.ASSIGNED) {
                    notifier.on(SuggestionNotifier.Kind.REOPENED, after);
                }
            }
            default -> { }
        }
        return after;
    }

    /** An active department the committee member may assign (of their region or below); else 400 naming the field. */
    private Department unit(Long departmentId, String field, Authentication auth) {
        return departments.findById(departmentId).filter(Department::active)
                .filter(d -> scopes.canAdministerRegion(auth, d.regionId()))
                .orElseThrow(() -> ApiException.badField(field, "承办单位不存在或不在本地区"));
    }

    static ApiException stale(Suggestion s) {
        return new ApiException(HttpStatus.CONFLICT, "建议已被他人更新", "此建议刚被其他人处理过，请刷新后再操作",
                Map.of("currentState", s.state().name(), "currentVersion", s.version()));
    }

    private static String name(Rating r) {
        return r == null ? null : r.name();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
