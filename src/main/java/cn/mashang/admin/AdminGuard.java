package cn.mashang.admin;

import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;

import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffAccount;
import cn.mashang.common.ApiException;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.deputy.Membership;
import cn.mashang.deputy.MembershipRepository;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Loads an object for the admin API and checks it lies in the caller's region; otherwise 404. The rule (issue 16):
 * an admin acts only on objects WHOLLY inside its region — a deputy together with every station it sits in, an
 * account together with everything its scope reaches, a membership with both its station and its deputy's home.
 * What spans regions is managed by their common ancestor (e.g. the city for a county deputy seated in a station of
 * another county).
 */
@Singleton
class AdminGuard {
    private final Scopes scopes;
    private final StationRepository stations;
    private final DeputyRepository deputies;
    private final MembershipRepository memberships;
    private final DepartmentRepository departments;

    AdminGuard(Scopes scopes, StationRepository stations, DeputyRepository deputies, MembershipRepository memberships,
               DepartmentRepository departments) {
        this.departments = departments;
        this.scopes = scopes;
        this.stations = stations;
        this.deputies = deputies;
        this.memberships = memberships;
    }

    /** The regions a deputy reaches: its home region and the region of every station of its active memberships. */
    Set<Long> reach(Deputy d) {
        Set<Long> out = new LinkedHashSet<>();
        out.add(d.regionId());
        for (Membership m : memberships.findByDeputyIdAndActiveTrue(d.id())) {
            stations.findById(m.stationId()).ifPresent(s -> out.add(s.regionId()));
        }
        return out;
    }

    /** The regions an account's scope reaches (null entries when a scope column points nowhere). */
    Set<Long> reach(StaffAccount a) {
        Set<Long> out = new LinkedHashSet<>();
        if (a.role() == Role.ADMIN) {
            out.add(a.regionId());
        }
        if (a.stationId() != null) {
            out.add(stations.findById(a.stationId()).map(Station::regionId).orElse(null));
        }
        if (a.departmentId() != null) {
            out.add(departments.findById(a.departmentId()).map(Department::regionId).orElse(null));
        }
        if (a.deputyId() != null) {
            out.addAll(deputies.findById(a.deputyId()).map(this::reach).orElseGet(() -> {
                Set<Long> none = new LinkedHashSet<>();
                none.add(null);
                return none;
            }));
        }
        if (out.isEmpty()) {
            out.add(null);
        }
        return out;
    }

    /** 404 unless every region lies in the caller's region. */
    void wholly(Authentication auth, Collection<Long> regionIds, String what) {
        for (Long r : regionIds) {
            if (r == null || !scopes.canAdministerRegion(auth, r)) {
                throw ApiException.notFound(what);
            }
        }
    }

    /** A deputy whose home and every seat lie in the caller's region. */
    Deputy deputyWholly(Authentication auth, Long deputyId) {
        Deputy d = deputy(auth, deputyId);
        wholly(auth, reach(d), "代表");
        return d;
    }

    void region(Authentication auth, Long regionId, String what) {
        if (regionId == null) {
            throw ApiException.notFound(what);
        }
        scopes.requireAdministerRegion(auth, regionId, what);
    }

    Station station(Authentication auth, Long stationId) {
        Station s = stationId == null ? null : stations.findById(stationId).orElse(null);
        if (s == null || !scopes.canAdministerRegion(auth, s.regionId())) {
            throw ApiException.notFound("联络站");
        }
        return s;
    }

    Deputy deputy(Authentication auth, Long deputyId) {
        Deputy d = deputyId == null ? null : deputies.findById(deputyId).orElse(null);
        if (d == null || d.regionId() == null || !scopes.canAdministerRegion(auth, d.regionId())) {
            throw ApiException.notFound("代表");
        }
        return d;
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
