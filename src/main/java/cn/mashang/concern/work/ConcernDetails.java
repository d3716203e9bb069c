package cn.mashang.concern.work;

import cn.mashang.concern.ActorType;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernEventRepository;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.concern.ConcernState;
import cn.mashang.concern.Deadlines;
import cn.mashang.concern.Overdue;
import cn.mashang.concern.lifecycle.ConcernAction;
import cn.mashang.concern.lifecycle.ConcernLifecycle;
import cn.mashang.concern.lifecycle.LifecycleRepository;
import cn.mashang.concern.photo.ConcernPhotoRepository;
import cn.mashang.auth.RoleLabels;
import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffAccount;
import cn.mashang.auth.StaffAccountRepository;
import cn.mashang.auth.StaffScope;
import cn.mashang.common.Times;
import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.deputy.Membership;
import cn.mashang.deputy.MembershipRepository;
import cn.mashang.location.Locations;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link ConcernDetail}: the staff view of one concern. */
@Singleton
class ConcernDetails {
    private final ConcernLifecycle lifecycle;
    private final ConcernRepository concerns;
    private final LifecycleRepository lifecycleRows;
    private final ConcernEventRepository events;
    private final ConcernPhotoRepository photos;
    private final StationRepository stations;
    private final DeputyRepository deputies;
    private final MembershipRepository memberships;
    private final DepartmentRepository departments;
    private final StaffAccountRepository accounts;
    private final Deadlines deadlines;
    private final Scopes scopes;
    private final Locations locations;

    ConcernDetails(ConcernLifecycle lifecycle, ConcernRepository concerns, LifecycleRepository lifecycleRows,
                   ConcernEventRepository events, ConcernPhotoRepository photos, StationRepository stations,
                   DeputyRepository deputies, MembershipRepository memberships, DepartmentRepository departments,
                   StaffAccountRepository accounts, Deadlines deadlines, Scopes scopes, Locations locations) {
        this.lifecycle = lifecycle;
        this.concerns = concerns;
        this.lifecycleRows = lifecycleRows;
        this.events = events;
        this.photos = photos;
        this.stations = stations;
        this.deputies = deputies;
        this.memberships = memberships;
        this.departments = departments;
        this.accounts = accounts;
        this.deadlines = deadlines;
        this.scopes = scopes;
        this.locations = locations;
    }

    @Transactional(readOnly = true)
    public ConcernDetail of(long id, Authentication auth) {
        Concern c = lifecycle.visible(id, auth);
        StaffScope me = scopes.of(auth);
        return of(c, me);
    }

    ConcernDetail of(Concern c, StaffScope me) {
        Map<Long, String> accountNames = new HashMap<>();
        List<ConcernDetail.Event> timeline = events.findByConcernIdOrderById(c.id()).stream().map(e -> {
            String actorName = e.actorAccountId() == null ? null : accountNames.computeIfAbsent(e.actorAccountId(),
                    a -> accounts.findById(a).map(StaffAccount::displayName).orElse("已删除账号"));
            Role role = role(e.actorRole());
            return new ConcernDetail.Event(e.id(), e.type().name(), e.type().label(), e.actorType().name(),
                    actorName != null ? actorName : e.actorType() == ActorType.RESIDENT ? "群众" : "系统",
                    e.actorRole(), role == null ? null : RoleLabels.of(role),
                    e.fromState() == null ? null : e.fromState().name(),
                    e.fromState() == null ? null : e.fromState().label(),
                    e.toState() == null ? null : e.toState().name(), e.toState() == null ? null : e.toState().label(),
                    e.body(), !e.isPublic(), Times.show(e.createdAt()));
        }).toList();
        List<String> allowed = lifecycle.allowedActions(c, me);
        boolean mayAssign = allowed.contains(ConcernAction.ASSIGN.path());
        boolean mayRefer = allowed.contains(ConcernAction.REFER.path());
        List<ConcernDetail.Option> deputyOptions = !mayAssign ? List.of()
                : memberships.findByStationIdAndActiveTrue(c.stationId()).stream().map(Membership::deputyId).distinct()
                .map(d -> deputies.findById(d).orElse(null)).filter(d -> d != null)
                .map(d -> new ConcernDetail.Option(d.id(), d.name())).toList();
        List<ConcernDetail.Option> deptOptions = !mayRefer ? List.of()
                : lifecycle.referableDepartments(c).stream().map(d -> new ConcernDetail.Option(d.id(), d.name())).toList();
        var pending = (c.state() == ConcernState.REFERRED || c.state() == ConcernState.EXTENDED)
                ? lifecycle.pendingExtension(c) : null;
        return new ConcernDetail(c.id(), c.trackingNo(), c.state().name(), c.stateLabel(), c.channel().name(),
                c.category(), c.content(), c.address(), locations.view(c.id()), c.contactName(), c.mobileMasked(), c.stationId(),
                stations.findById(c.stationId()).map(Station::name).orElse(""), c.deputyId(), deputyName(c.deputyId()),
                c.assigneeDeputyId(), deputyName(c.assigneeDeputyId()), c.departmentId(),
                c.departmentId() == null ? null : departments.findById(c.departmentId()).map(Department::name).orElse(null),
                Times.show(c.departmentDeadline()), c.outcome() == null ? null : c.outcome().name(),
                c.outcome() == null ? null : c.outcome().label(),
                c.mergedIntoId() == null ? null : concerns.findById(c.mergedIntoId()).map(ConcernDetails::link).orElse(null),
                lifecycleRows.findByMergedIntoIdOrderById(c.id()).stream().map(ConcernDetails::link).toList(),
                c.rating() == null ? null : c.rating().name(), c.rating() == null ? null : c.rating().label(),
                c.ratingComment(), c.reopenCount(), c.meTooCount(), Overdue.any(deadlines.due(c), Times.now()),
                Times.show(c.createdAt()), Times.show(c.firstResponseAt()), Times.show(c.resolvedAt()),
                Times.show(c.closedAt()), Times.show(c.updatedAt()), c.version() == null ? 0 : c.version(),
                pending == null ? null : new ConcernDetail.Extension(Times.show(pending.until()), pending.reason()),
                photos.findByConcernIdOrderById(c.id()).stream().map(p -> new ConcernDetail.Photo(p.id(),
                        "/api/v1/concerns/" + c.id() + "/photos/" + p.id(), p.width(), p.height())).toList(),
                timeline, allowed, new ConcernDetail.Options(deputyOptions, deptOptions));
    }

    private static ConcernDetail.Link link(Concern c) {
        return new ConcernDetail.Link(c.id(), c.trackingNo(), c.state().name(), c.stateLabel());
    }

    private String deputyName(Long id) {
        return id == null ? null : deputies.findById(id).map(Deputy::name).orElse(null);
    }

    private static Role role(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
