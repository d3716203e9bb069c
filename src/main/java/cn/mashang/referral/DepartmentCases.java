package cn.mashang.referral;

import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffScope;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernEvent;
import cn.mashang.concern.ConcernEventRepository;
import cn.mashang.concern.ConcernEventType;
import cn.mashang.concern.lifecycle.ConcernLifecycle;
import cn.mashang.concern.photo.ConcernPhotoRepository;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.concern.Deadlines;
import cn.mashang.concern.Overdue;
import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.location.Locations;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Builds {@link DepartmentCase}: only for a concern referred to the caller's department (404 otherwise). */
@Singleton
public class DepartmentCases {
    /** What a department sees of the timeline: its referral's own rows. */
    static final Set<ConcernEventType> SHOWN = EnumSet.of(ConcernEventType.REFERRED, ConcernEventType.SIGNED,
            ConcernEventType.DEPARTMENT_ANSWERED, ConcernEventType.RETURNED, ConcernEventType.EXTENSION_REQUESTED,
            ConcernEventType.EXTENDED, ConcernEventType.EXTENSION_REJECTED, ConcernEventType.URGED,
            ConcernEventType.ESCALATED, ConcernEventType.REPORTED, ConcernEventType.RESOLVED);
    static final String WHAT = "反映";

    private final Scopes scopes;
    private final ConcernRepository concerns;
    private final Referrals referrals;
    private final ConcernEventRepository events;
    private final ConcernPhotoRepository photos;
    private final StationRepository stations;
    private final DepartmentRepository departments;
    private final ConcernLifecycle lifecycle;
    private final Deadlines deadlines;
    private final Locations locations;

    DepartmentCases(Scopes scopes, ConcernRepository concerns, Referrals referrals, ConcernEventRepository events,
                    ConcernPhotoRepository photos, StationRepository stations, DepartmentRepository departments,
                    ConcernLifecycle lifecycle, Deadlines deadlines, Locations locations) {
        this.scopes = scopes;
        this.concerns = concerns;
        this.referrals = referrals;
        this.events = events;
        this.photos = photos;
        this.stations = stations;
        this.departments = departments;
        this.lifecycle = lifecycle;
        this.deadlines = deadlines;
        this.locations = locations;
    }

    /** The concern and the department's latest referral of it; 404 when it never was referred to the caller. */
    record Held(Concern concern, Referral referral, StaffScope me) {
    }

    Held held(long concernId, Authentication auth) {
        StaffScope me = scopes.of(auth);
        long dept = ReferralInbox.department(me);
        Concern c = concerns.findById(concernId).orElseThrow(() -> ApiException.notFound(WHAT));
        Referral r = referrals.latest(c.id(), dept).orElseThrow(() -> ApiException.notFound(WHAT));
        return new Held(c, r, me);
    }

    @Transactional(readOnly = true)
    public DepartmentCase of(long concernId, Authentication auth) {
        Held h = held(concernId, auth);
        Concern c = h.concern();
        Referral r = h.referral();
        Instant now = Times.now();
        boolean held = r.open();
        Station s = stations.findById(c.stationId()).orElseThrow();
        String deptName = departments.findById(r.departmentId()).map(Department::name).orElse("");
        List<ConcernEvent> all = events.findByConcernIdOrderById(c.id());
        long[] window = window(all, r);
        List<DepartmentCase.Event> timeline = all.stream()
                .filter(e -> SHOWN.contains(e.type()) && e.id() >= window[0] && e.id() < window[1])
                .map(DepartmentCases::event).toList();
        List<String> segments = held ? Overdue.segments(deadlines.due(c), now).stream().map(Enum::name).sorted().toList()
                : List.of();
        var pending = held ? lifecycle.pendingExtension(c) : null;
        var referral = new DepartmentCase.ReferralView(r.id(), r.status().name(), held, r.shareContact(),
                Times.show(r.referredAt()), Times.show(held && c.signDue() != null ? c.signDue() : r.signDue()),
                Times.show(r.signedAt()), Times.show(held && c.departmentDeadline() != null ? c.departmentDeadline() : r.deadline()),
                r.extensions(), Times.show(r.endedAt()), r.returnReason(), r.legalBasis());
        boolean share = r.shareContact();
        return new DepartmentCase(c.id(), c.trackingNo(), c.state().name(), c.stateLabel(), c.category(), c.content(),
                c.address(), locations.view(c.id()), photos.findByConcernIdOrderById(c.id()).stream().map(p -> new DepartmentCase.Photo(p.id(),
                        "/api/v1/me/referrals/" + c.id() + "/photos/" + p.id(), p.width(), p.height())).toList(),
                new DepartmentCase.StationContact(s.id(), s.name(), s.address(), s.publicPhone()), r.departmentId(),
                deptName, referral, share ? c.contactName() : null, share ? c.mobileMasked() : null, !segments.isEmpty(),
                segments, pending == null ? null : new DepartmentCase.Extension(Times.show(pending.until()), pending.reason()),
                timeline, held ? lifecycle.allowedActions(c, h.me()) : List.of(), c.version() == null ? 0 : c.version(),
                Times.show(c.createdAt()));
    }

    /**
     * The referral's rows: from its REFERRED event up to the next referral's (the k-th referral of a concern is
     * written with its k-th REFERRED event), as event ids [from, to).
     */
    private long[] window(List<ConcernEvent> all, Referral r) {
        List<Long> history = referrals.history(r.concernId()).stream().map(Referral::id).toList();
        List<Long> referred = all.stream().filter(e -> e.type() == ConcernEventType.REFERRED).map(ConcernEvent::id).toList();
        int k = history.indexOf(r.id());
        if (k < 0 || k >= referred.size()) {
            return new long[]{0, Long.MAX_VALUE};
        }
        return new long[]{referred.get(k), k + 1 < referred.size() ? referred.get(k + 1) : Long.MAX_VALUE};
    }

    private static DepartmentCase.Event event(ConcernEvent e) {
        return new DepartmentCase.Event(e.id(), e.type().name(), e.type().label(), e.actorType().name(), e.actorRole(),
                e.body(), Times.show(e.createdAt()));
    }
}
