package cn.mashang.concern;

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
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final int MAX_TEXT = 2000;

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
    private final ObjectMapper json;

    ConcernLifecycle(ConcernRepository concerns, LifecycleRepository store, ConcernEventRepository events,
                     ConcernTimeline timeline, Scopes scopes, MembershipRepository memberships,
                     DeputyRepository deputies, DepartmentRepository departments, RegionRepository regions,
                     SlaRules rules, WorkingCalendar calendar, IntakeConfig config, ObjectMapper json) {
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
        this.json = json;
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
                case EXTENSION_REQUESTED -> pending = new PendingExtension(payloadInstant(e.payload(), "until"), e.body());
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
        Change ch = new Change(c, to);
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
                        payload("deputyId", b.deputyId()), true, now);
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
                        payload("departmentId", d.id(), "department", d.name(), "deadline", deadline.toString()), true, now);
            }
            case DEPARTMENT_ANSWER -> {
                String text = text(body, true);
                String dept = c.departmentId() == null ? "部门" : departments.findById(c.departmentId())
                        .map(Department::name).orElse("部门");
                apply(c, ch, now);
                record(c, ch, who, ConcernEventType.DEPARTMENT_ANSWERED, dept + "答复：" + text,
                        payload("departmentId", c.departmentId()), true, now);
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
                        payload("until", until.toString()), false, now);
            }
            case APPROVE_EXTENSION -> {
                PendingExtension p = pendingExtension(c);
                ch.deadline = p.until();
                String note = clean(((ActionBodies.Text) body).text(), false);
                apply(c, ch, now);
                record(c, ch, who, ConcernEventType.EXTENDED, "办理期限延长至 " + day(p.until()),
                        payload("until", p.until().toString(), "note", note), true, now);
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
                        payload("outcome", b.outcome().name()), true, now);
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

    private void merge(Concern c, Change ch, ActionBodies.Merge b, Staff who, Instant now) {
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
                + (note == null ? "" : "\n" + note), payload("intoId", into.id(), "into", into.trackingNo()), true, now);
        concerns.addMeToo(into.id(), now);
        timeline.record(into, new ConcernEvent(null, into.id(), ConcernEventType.MERGED, ActorType.STAFF, who.accountId,
                who.role.name(), into.state(), into.state(), "另有群众反映了相同问题，已合并办理",
                payload("fromId", c.id(), "from", c.trackingNo()), true, now));
    }

    // ---------------------------------------------------------------- resident and system

    /**
     * The resident's rating: 满意/基本满意 closes; 不满意 reopens (RESOLVED → REOPENED → ACCEPTED, counted) while
     * fewer than {@code intake.max-reopens} reopenings happened, else closes. A merged concern is not rated.
     */
    @Transactional
    public void rate(Concern c, Rating rating, @Nullable String comment) {
        Facts facts = facts(c, null);
        ConcernAction action = ConcernStateMachine.ratingAction(rating, c.reopenCount(), config.maxReopens());
        ConcernState to = ConcernStateMachine.target(facts, action, Actor.RESIDENT);
        Instant now = Times.now();
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        String body = rating.label() + (text == null ? "" : "：" + text);
        Change ch = new Change(c, to);
        ch.rating = rating;
        ch.ratingComment = text;
        ch.ratedAt = now;
        if (action == ConcernAction.RATE) {
            ch.closedAt = now;
            apply(c, ch, now);
            timeline.record(c, ConcernEvent.resident(c.id(), ConcernEventType.RATED, c.state(), to, body, now));
            return;
        }
        ConcernState back = ConcernStateMachine.target(Facts.of(to), ConcernAction.REOPEN, Actor.SYSTEM);
        ch.state = back;
        ch.reopenCount = c.reopenCount() + 1;
        ch.resolvedAt = null;
        ch.outcome = null;
        apply(c, ch, now);
        timeline.record(c, ConcernEvent.resident(c.id(), ConcernEventType.RATED, c.state(), to, body, now));
        timeline.record(c, new ConcernEvent(null, c.id(), ConcernEventType.REOPENED, ActorType.SYSTEM, null, null,
                to, back, "群众不满意，重新办理（第 " + ch.reopenCount + " 次）", null, true, now));
    }

    /** Closes a resolved concern whose feedback window (SLA feedback days, working days) has passed. */
    @Transactional
    public boolean autoCloseIfDue(Concern c, Instant now) {
        if (c.state() != ConcernState.RESOLVED || c.resolvedAt() == null) {
            return false;
        }
        int days = rule(c).feedbackDays();
        if (!now.isAfter(calendar.addWorkingDays(c.resolvedAt(), days))) {
            return false;
        }
        ConcernState to = ConcernStateMachine.target(facts(c, null), ConcernAction.AUTO_CLOSE, Actor.SYSTEM);
        Change ch = new Change(c, to);
        ch.closedAt = now;
        long version = c.version() == null ? 0 : c.version();
        if (store.apply(c.id(), version, ch.state.name(), ch.assignee, ch.departmentId, ch.deadline, name(ch.outcome),
                ch.mergedInto, ch.firstResponseAt, ch.resolvedAt, ch.closedAt, ch.reopenCount, name(ch.rating),
                ch.ratingComment, ch.ratedAt, now) != 1) {
            return false;
        }
        timeline.record(c, new ConcernEvent(null, c.id(), ConcernEventType.CLOSED, ActorType.SYSTEM, null, null,
                c.state(), to, "办结后 " + days + " 个工作日内未评价，自动结束", null, true, now));
        return true;
    }

    // ---------------------------------------------------------------- helpers

    /** The life-cycle columns of a concern, changed by an action before one guarded UPDATE writes them. */
    private static final class Change {
        ConcernState state;
        Long assignee;
        Long departmentId;
        Instant deadline;
        Outcome outcome;
        Long mergedInto;
        Instant firstResponseAt;
        Instant resolvedAt;
        Instant closedAt;
        int reopenCount;
        Rating rating;
        String ratingComment;
        Instant ratedAt;

        Change(Concern c, ConcernState to) {
            state = to;
            assignee = c.assigneeDeputyId();
            departmentId = c.departmentId();
            deadline = c.departmentDeadline();
            outcome = c.outcome();
            mergedInto = c.mergedIntoId();
            firstResponseAt = c.firstResponseAt();
            resolvedAt = c.resolvedAt();
            closedAt = c.closedAt();
            reopenCount = c.reopenCount();
            rating = c.rating();
            ratingComment = c.ratingComment();
            ratedAt = c.ratedAt();
        }
    }

    private record Staff(long accountId, Role role) {
    }

    private void apply(Concern c, Change ch, Instant now) {
        long version = c.version() == null ? 0 : c.version();
        int n = store.apply(c.id(), version, ch.state.name(), ch.assignee, ch.departmentId, ch.deadline,
                name(ch.outcome), ch.mergedInto, ch.firstResponseAt, ch.resolvedAt, ch.closedAt, ch.reopenCount,
                name(ch.rating), ch.ratingComment, ch.ratedAt, now);
        if (n != 1) {
            throw stale(concerns.findById(c.id()).orElse(c));
        }
    }

    private void record(Concern c, Change ch, Staff who, ConcernEventType type, @Nullable String body,
                        @Nullable String payload, boolean isPublic, Instant now) {
        timeline.record(c, new ConcernEvent(null, c.id(), type, ActorType.STAFF, who.accountId, who.role.name(),
                c.state(), ch.state, body, payload, isPublic, now), ch.assignee);
    }

    static ApiException stale(Concern c) {
        return new ApiException(HttpStatus.CONFLICT, "反映已被他人更新", "此反映刚被其他人处理过，请刷新后再操作",
                Map.of("currentState", c.state().name(), "currentVersion", c.version() == null ? 0 : c.version()));
    }

    private SlaRule rule(Concern c) {
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

    private static Instant endOf(LocalDate day, String field, Instant now) {
        // 23:59:59 of that day in whole seconds (MariaDB through Connector/J may drop fractions)
        Instant end = day.plusDays(1).atStartOfDay(Times.ZONE).toInstant().minusSeconds(1);
        if (!end.isAfter(now)) {
            throw ApiException.badField(field, "期限不能早于今天");
        }
        if (day.isAfter(LocalDate.now(Times.ZONE).plusYears(1))) {
            throw ApiException.badField(field, "期限不能超过一年");
        }
        return end;
    }

    private static String day(Instant t) {
        return DAY.format(t.atZone(Times.ZONE));
    }

    private static String text(Object body, boolean required) {
        return clean(((ActionBodies.Text) body).text(), required);
    }

    private static String clean(@Nullable String text, boolean required) {
        String t = text == null ? null : text.strip();
        if (t == null || t.isEmpty()) {
            if (required) {
                throw ApiException.badField("text", "请填写内容");
            }
            return null;
        }
        if (t.length() > MAX_TEXT) {
            throw ApiException.badField("text", "不能超过 " + MAX_TEXT + " 字");
        }
        return t;
    }

    private static String name(@Nullable Enum<?> e) {
        return e == null ? null : e.name();
    }

    private String payload(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        try {
            return json.writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Instant payloadInstant(@Nullable String payload, String key) {
        if (payload == null) {
            return null;
        }
        try {
            Map<?, ?> m = json.readValue(payload, Map.class);
            Object v = m.get(key);
            return v == null ? null : Instant.parse(v.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
