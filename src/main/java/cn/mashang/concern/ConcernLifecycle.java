package cn.mashang.concern;

import static cn.mashang.concern.ActionInput.clean;
import static cn.mashang.concern.ActionInput.day;
import static cn.mashang.concern.ActionInput.endOf;
import static cn.mashang.concern.ActionInput.text;

import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffScope;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.concern.ConcernStateMachine.Actor;
import cn.mashang.concern.ConcernStateMachine.Facts;
import cn.mashang.concern.ConcernStateMachine.Relation;
import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.deputy.MembershipRepository;
import cn.mashang.region.RegionRepository;
import cn.mashang.sla.SlaRule;
import cn.mashang.sla.SlaRules;
import cn.mashang.sla.WorkingCalendar;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries out life-cycle actions: checks scope (404), the client's version (409), asks
 * {@link ConcernStateMachine} (403/409), validates the action's fields (400), writes the guarded update and the
 * immutable timeline rows through {@link ConcernTimeline} — all in one transaction.
 */
@Singleton
public class ConcernLifecycle {
    static final String WHAT = "反映";
    static final Set<ConcernState> OPEN = EnumSet.of(ConcernState.SUBMITTED, ConcernState.ACCEPTED,
            ConcernState.ANSWERED, ConcernState.REFERRED, ConcernState.EXTENDED);

    private final ConcernRepository concerns;
    private final LifecycleRepository store;
    private final ConcernEventRepository events;
    private final ConcernTimeline timeline;
    private final Scopes scopes;
    private final MembershipRepository memberships;
    private final DeputyRepository deputies;
    private final DepartmentRepository departments;
    private final RegionRepository regions;
    private final SlaRules rules;
    private final WorkingCalendar calendar;
    private final IntakeConfig config;
    private final EventPayloads payloads;

    ConcernLifecycle(ConcernRepository concerns, LifecycleRepository store, ConcernEventRepository events,
                     ConcernTimeline timeline, Scopes scopes, MembershipRepository memberships,
                     DeputyRepository deputies, DepartmentRepository departments, RegionRepository regions,
                     SlaRules rules, WorkingCalendar calendar, IntakeConfig config, EventPayloads payloads) {
        this.concerns = concerns;
        this.store = store;
        this.events = events;
        this.timeline = timeline;
        this.scopes = scopes;
        this.memberships = memberships;
        this.deputies = deputies;
        this.departments = departments;
        this.regions = regions;
        this.rules = rules;
        this.calendar = calendar;
        this.config = config;
        this.payloads = payloads;
    }

    /** A pending extension request: the asked-for deadline and the reason. */
    public record PendingExtension(Instant until, @Nullable String reason) {
    }

    // ---------------------------------------------------------------- reading helpers

    /** The concern when the caller may see its station; else 404. */
    public Concern visible(long id, Authentication auth) {
        Concern c = concerns.findById(id).orElseThrow(() -> ApiException.notFound(WHAT));
        scopes.requireSeeStation(auth, c.stationId(), WHAT);
        return c;
    }

    static Actor actor(StaffScope me) {
        return switch (me.role()) {
            case DEPUTY -> Actor.DEPUTY;
            case LIAISON -> Actor.LIAISON;
            case STATION_HEAD -> Actor.STATION_HEAD;
            case ADMIN -> Actor.ADMIN;
        };
    }

    static Relation relation(Concern c, @Nullable Long deputyId) {
        if (deputyId == null) {
            return Relation.OTHERS;
        }
        if (deputyId.equals(c.assigneeDeputyId())) {
            return Relation.MINE;
        }
        if (c.assigneeDeputyId() == null && (c.deputyId() == null || c.deputyId().equals(deputyId))) {
            return Relation.CLAIMABLE;
        }
        return Relation.OTHERS;
    }

    public Facts facts(Concern c, @Nullable Long deputyId) {
        boolean pending = (c.state() == ConcernState.REFERRED || c.state() == ConcernState.EXTENDED)
                && pendingExtension(c) != null;
        return new Facts(c.state(), relation(c, deputyId), pending, c.mergedIntoId() != null);
    }

    /** The last extension request when nothing (approval, refusal, department answer, new referral) ended it. */
    public PendingExtension pendingExtension(Concern c) {
        PendingExtension pending = null;
        for (ConcernEvent e : events.findByConcernIdOrderById(c.id())) {
            switch (e.type()) {
                case EXTENSION_REQUESTED -> pending = new PendingExtension(payloads.instant(e.payload(), "until"), e.body());
                case EXTENDED, EXTENSION_REJECTED, REFERRED, DEPARTMENT_ANSWERED -> pending = null;
                default -> {
                }
            }
        }
        return pending;
    }

    /** The staff actions the caller could do now (the page shows these buttons). */
    public List<String> allowedActions(Concern c, StaffScope me) {
        Facts facts = facts(c, me.deputyId());
        Actor actor = actor(me);
        return java.util.Arrays.stream(ConcernAction.values()).filter(ConcernAction::staff)
                .filter(a -> ConcernStateMachine.allows(facts, a, actor)).map(ConcernAction::path).toList();
    }

    // ---------------------------------------------------------------- staff actions

    /** Performs a staff action; answers the concern as it is afterwards. */
    @Transactional
    public Concern perform(long id, ConcernAction action, Object body, Authentication auth) {
        Concern c = visible(id, auth);
        StaffScope me = scopes.of(auth);
        Long version = ActionBodies.version(body);
        long current = c.version() == null ? 0 : c.version();
        if (version == null && action != ConcernAction.NOTE) {
            throw ApiException.badField("version", "请带上页面上反映的版本号（version）");
        }
        if (version != null && version != current) {
            throw stale(c);
        }
        ConcernState to = ConcernStateMachine.target(facts(c, me.deputyId()), action, actor(me));
        Instant now = Times.now();
        ConcernChange ch = new ConcernChange(c, to);
        Staff who = new Staff(me.accountId(), me.role());
        if (ch.firstResponseAt == null && EnumSet.of(ConcernAction.ACCEPT, ConcernAction.ASSIGN, ConcernAction.REPLY,
                ConcernAction.REJECT, ConcernAction.MERGE).contains(action)) {
            ch.firstResponseAt = now;
        }
        switch (action) {
            case ACCEPT -> {
                ch.assignee = me.role() == Role.DEPUTY ? me.deputyId()
                        : c.assigneeDeputyId() != null ? c.assigneeDeputyId() : c.deputyId();
                apply(c, ch, now);
                record(c, ch, who, ConcernEventType.ACCEPTED, null, null, true, now);
            }
            case ASSIGN -> {
                ActionBodies.Assign b = (ActionBodies.Assign) body;
                if (b.deputyId() == null || memberships.findByStationIdAndDeputyId(c.stationId(), b.deputyId())
                        .filter(m -> m.active()).isEmpty()) {
                    throw ApiException.badField("deputyId", "请选择本站的一位代表");
                }
                ch.assignee = b.deputyId();
                String name = deputies.findById(b.deputyId()).map(d -> d.name()).orElse("");
                apply(c, ch, now);
                record(c, ch, who, ConcernEventType.ASSIGNED, "已分派给 " + name + " 代表办理",
                        payloads.write("deputyId", b.deputyId()), true, now);
            }
            case REPLY -> {
                String text = text(body, true);
                apply(c, ch, now);
                record(c, ch, who, ConcernEventType.REPLIED, text, null, true, now);
            }
            case NOTE -> {
                String text = text(body, true);
                store.noted(c.id(), now);
                record(c, ch, who, ConcernEventType.NOTE, text, null, false, now);
            }
            case REFER -> {
                ActionBodies.Refer b = (ActionBodies.Refer) body;
                Department d = referable(c, b.departmentId());
                Instant deadline = b.deadline() != null ? endOf(b.deadline(), "deadline", now)
                        : calendar.addWorkingDays(now, rule(c).departmentDays());
                ch.departmentId = d.id();
                ch.deadline = deadline;
                String note = clean(b.text(), false);
                apply(c, ch, now);
                record(c, ch, who, ConcernEventType.REFERRED, "已交办" + d.name() + "，办理期限 " + day(deadline)
                                + (note == null ? "" : "\n" + note),
                        payloads.write("departmentId", d.id(), "department", d.name(), "deadline", deadline.toString()), true, now);
            }
            case DEPARTMENT_ANSWER -> {
                String text = text(body, true);
                String dept = c.departmentId() == null ? "部门" : departments.findById(c.departmentId())
                        .map(Department::name).orElse("部门");
                apply(c, ch, now);
                record(c, ch, who, ConcernEventType.DEPARTMENT_ANSWERED, dept + "答复：" + text,
                        payloads.write("departmentId", c.departmentId()), true, now);
            }
            case REQUEST_EXTENSION -> {
                ActionBodies.Extension b = (ActionBodies.Extension) body;
                if (b.until() == null) {
                    throw ApiException.badField("until", "请选择延期后的办理期限");
                }
                Instant until = endOf(b.until(), "until", now);
                if (c.departmentDeadline() != null && !until.isAfter(c.departmentDeadline())) {
                    throw ApiException.badField("until", "应晚于当前期限 " + day(c.departmentDeadline()));
                }
                String reason = clean(b.text(), true);
                store.noted(c.id(), now);
                record(c, ch, who, ConcernEventType.EXTENSION_REQUESTED, reason,
                        payloads.write("until", until.toString()), false, now);
            }
            case APPROVE_EXTENSION -> {
                PendingExtension p = pendingExtension(c);
                ch.deadline = p.until();
                String note = clean(((ActionBodies.Text) body).text(), false);
                apply(c, ch, now);
                record(c, ch, who, ConcernEventType.EXTENDED, "办理期限延长至 " + day(p.until()),
                        payloads.write("until", p.until().toString(), "note", note), true, now);
            }
            case REJECT_EXTENSION -> {
                String note = clean(((ActionBodies.Text) body).text(), false);
                apply(c, ch, now);
                record(c, ch, who, ConcernEventType.EXTENSION_REJECTED, note, null, false, now);
            }
            case RESOLVE -> {
                ActionBodies.Resolve b = (ActionBodies.Resolve) body;
                if (b.outcome() == null || b.outcome() == Outcome.DUPLICATE_MERGED) {
                    throw ApiException.badField("outcome", "请选择办理结果：已解决、已解释说明或受政策法规所限");
                }
                String text = clean(b.text(), true);
                ch.outcome = b.outcome();
                ch.resolvedAt = now;
                apply(c, ch, now);
                record(c, ch, who, ConcernEventType.RESOLVED, b.outcome().label() + "：" + text,
                        payloads.write("outcome", b.outcome().name()), true, now);
            }
            case REJECT -> {
                String reason = text(body, true);
                apply(c, ch, now);
                record(c, ch, who, ConcernEventType.REJECTED, reason, null, true, now);
            }
            case MERGE -> merge(c, ch, (ActionBodies.Merge) body, who, now);
            default -> throw ApiException.notFound("操作");
        }
        return concerns.findById(c.id()).orElseThrow();
    }

    private void merge(Concern c, ConcernChange ch, ActionBodies.Merge b, Staff who, Instant now) {
        if (b.intoId() == null || b.intoId().equals(c.id())) {
            throw ApiException.badField("intoId", "请选择要合并到的另一条反映");
        }
        Concern into = concerns.findById(b.intoId())
                .filter(t -> t.stationId().equals(c.stationId()) && t.mergedIntoId() == null && OPEN.contains(t.state()))
                .orElseThrow(() -> ApiException.badField("intoId", "只能合并到本站一条正在办理的反映"));
        ch.outcome = Outcome.DUPLICATE_MERGED;
        ch.mergedInto = into.id();
        ch.resolvedAt = now;
        apply(c, ch, now);
        String note = clean(b.text(), false);
        record(c, ch, who, ConcernEventType.MERGED, "与反映 " + into.trackingNo() + " 合并办理，办理进度见下方"
                + (note == null ? "" : "\n" + note), payloads.write("intoId", into.id(), "into", into.trackingNo()), true, now);
        concerns.addMeToo(into.id(), now);
        timeline.record(into, new ConcernEvent(null, into.id(), ConcernEventType.MERGED, ActorType.STAFF, who.accountId,
                who.role.name(), into.state(), into.state(), "另有群众反映了相同问题，已合并办理",
                payloads.write("fromId", c.id(), "from", c.trackingNo()), true, now));
    }

    // ---------------------------------------------------------------- resident and system

    // ---------------------------------------------------------------- helpers

    private record Staff(long accountId, Role role) {
    }

    /** Writes the change with one guarded UPDATE; a concurrent change makes it a 409. */
    void apply(Concern c, ConcernChange ch, Instant now) {
        if (!ch.write(store, c, now)) {
            throw stale(concerns.findById(c.id()).orElse(c));
        }
    }

    private void record(Concern c, ConcernChange ch, Staff who, ConcernEventType type, @Nullable String body,
                        @Nullable String payload, boolean isPublic, Instant now) {
        timeline.record(c, new ConcernEvent(null, c.id(), type, ActorType.STAFF, who.accountId, who.role.name(),
                c.state(), ch.state, body, payload, isPublic, now), ch.assignee);
    }

    static ApiException stale(Concern c) {
        return new ApiException(HttpStatus.CONFLICT, "反映已被他人更新", "此反映刚被其他人处理过，请刷新后再操作",
                Map.of("currentState", c.state().name(), "currentVersion", c.version() == null ? 0 : c.version()));
    }

    SlaRule rule(Concern c) {
        String path = regions.findById(c.regionId()).map(r -> r.path()).orElse(null);
        return rules.resolve(path, c.category());
    }

    /** A department of the concern's region or a region above it. */
    private Department referable(Concern c, @Nullable Long departmentId) {
        String path = regions.findById(c.regionId()).map(r -> r.path()).orElse("/");
        return departmentId == null ? null : departments.findById(departmentId)
                .filter(Department::active)
                .filter(d -> path.contains("/" + d.regionId() + "/"))
                .orElseThrow(() -> ApiException.badField("departmentId", "请选择本地区的一个部门"));
    }

    /** Departments a concern may be referred to (for the page). */
    public List<Department> referableDepartments(Concern c) {
        String path = regions.findById(c.regionId()).map(r -> r.path()).orElse("/");
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::parseLong)
                .flatMap(rid -> departments.findByRegionIdAndActiveTrueOrderByName(rid).stream()).toList();
    }

}
