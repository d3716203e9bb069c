package cn.mashang.concern.lifecycle;


import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernEvent;
import cn.mashang.concern.ConcernEventRepository;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.concern.ConcernState;
import cn.mashang.concern.Deadlines;
import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffScope;
import cn.mashang.common.ApiException;
import cn.mashang.concern.lifecycle.ConcernStateMachine.Actor;
import cn.mashang.concern.lifecycle.ConcernStateMachine.Facts;
import cn.mashang.concern.lifecycle.ConcernStateMachine.Relation;
import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.referral.Referrals;
import cn.mashang.region.RegionRepository;
import cn.mashang.sla.SlaRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What every life-cycle path shares: the concern in the caller's scope (404 otherwise), the facts the
 * {@link ConcernStateMachine} decides on, the actions a caller could do now, the pending extension, and the one
 * guarded write ({@link #apply}). Staff actions are carried out by {@link ConcernActions}, the resident's rating
 * and auto-close by {@link ConcernClosing}.
 */
@Singleton
public class ConcernLifecycle {
    public static final String WHAT = "反映";

    private final ConcernRepository concerns;
    private final LifecycleRepository store;
    private final ConcernEventRepository events;
    private final Scopes scopes;
    private final DepartmentRepository departments;
    private final RegionRepository regions;
    private final Deadlines deadlines;
    private final EventPayloads payloads;
    private final Referrals referrals;

    ConcernLifecycle(ConcernRepository concerns, LifecycleRepository store, ConcernEventRepository events, Scopes scopes,
                     DepartmentRepository departments, RegionRepository regions, Deadlines deadlines,
                     EventPayloads payloads, Referrals referrals) {
        this.referrals = referrals;
        this.concerns = concerns;
        this.store = store;
        this.events = events;
        this.scopes = scopes;
        this.departments = departments;
        this.regions = regions;
        this.deadlines = deadlines;
        this.payloads = payloads;
    }

    /** A pending extension request: the asked-for deadline and the reason. */
    public record PendingExtension(Instant until, @Nullable String reason, @Nullable Long requestedBy) {
    }

    // ---------------------------------------------------------------- reading helpers

    /**
     * The concern when the caller may see its station, or (a department) when it was ever referred to the caller's
     * department; else 404.
     */
    public Concern visible(long id, Authentication auth) {
        Concern c = concerns.findById(id).orElseThrow(() -> ApiException.notFound(WHAT));
        StaffScope me = scopes.of(auth);
        if (me.role() == Role.DEPARTMENT) {
            if (me.departmentId() == null || referrals.latest(c.id(), me.departmentId()).isEmpty()) {
                throw ApiException.notFound(WHAT);
            }
            return c;
        }
        scopes.requireSeeStation(auth, c.stationId(), WHAT);
        return c;
    }

    static Actor actor(StaffScope me) {
        return switch (me.role()) {
            case DEPUTY -> Actor.DEPUTY;
            case LIAISON -> Actor.LIAISON;
            case STATION_HEAD -> Actor.STATION_HEAD;
            case ADMIN -> Actor.ADMIN;
            case DEPARTMENT -> Actor.DEPARTMENT;
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

    /** A department holds the concern while it is at that department. */
    static Relation departmentRelation(Concern c, @Nullable Long departmentId) {
        return departmentId != null && c.state().atDepartment() && departmentId.equals(c.departmentId())
                ? Relation.MINE : Relation.OTHERS;
    }

    /** The facts for the resident and the system (no staff caller). */
    public Facts facts(Concern c, @Nullable Long deputyId) {
        PendingExtension pending = c.state().atDepartment() ? pendingExtension(c) : null;
        return new Facts(c.state(), relation(c, deputyId), pending != null, c.mergedIntoId() != null,
                c.signedAt() != null, false);
    }

    /** The facts for a staff caller: their relation, and whether they may decide the pending extension. */
    public Facts facts(Concern c, StaffScope me) {
        PendingExtension pending = c.state().atDepartment() ? pendingExtension(c) : null;
        Relation relation = me.role() == Role.DEPARTMENT ? departmentRelation(c, me.departmentId()) : relation(c, me.deputyId());
        boolean self = pending != null && (Long.valueOf(me.accountId()).equals(pending.requestedBy())
                || me.deputyId() != null && me.deputyId().equals(c.assigneeDeputyId()));
        return new Facts(c.state(), relation, pending != null, c.mergedIntoId() != null, c.signedAt() != null, self);
    }

    /** The last extension request when nothing (approval, refusal, department answer, new referral) ended it. */
    public PendingExtension pendingExtension(Concern c) {
        PendingExtension pending = null;
        for (ConcernEvent e : events.findByConcernIdOrderById(c.id())) {
            switch (e.type()) {
                case EXTENSION_REQUESTED -> pending = new PendingExtension(payloads.instant(e.payload(), "until"), e.body(),
                        e.actorAccountId());
                case EXTENDED, EXTENSION_REJECTED, REFERRED, DEPARTMENT_ANSWERED, RETURNED -> pending = null;
                default -> {
                }
            }
        }
        return pending;
    }

    /** The staff actions the caller could do now (the page shows these buttons). */
    public List<String> allowedActions(Concern c, StaffScope me) {
        Facts facts = facts(c, me);
        Actor actor = actor(me);
        return java.util.Arrays.stream(ConcernAction.values()).filter(ConcernAction::staff)
                .filter(a -> ConcernStateMachine.allows(facts, a, actor)).map(ConcernAction::path).toList();
    }

    // ---------------------------------------------------------------- the one write path

    /** Writes the change with one guarded UPDATE; a concurrent change makes it a 409. */
    void apply(Concern c, ConcernChange ch, Instant now) {
        if (!ch.write(store, deadlines, c, now)) {
            throw stale(concerns.findById(c.id()).orElse(c));
        }
    }

    static ApiException stale(Concern c) {
        return new ApiException(HttpStatus.CONFLICT, "反映已被他人更新", "此反映刚被其他人处理过，请刷新后再操作",
                Map.of("currentState", c.state().name(), "currentVersion", c.version() == null ? 0 : c.version()));
    }

    SlaRule rule(Concern c) {
        return deadlines.rule(c.regionId(), c.category());
    }

    /** A department of the concern's region or a region above it. */
    Department referable(Concern c, long departmentId) {
        String path = regions.findById(c.regionId()).map(r -> r.path()).orElse("/");
        return departments.findById(departmentId)
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
