package cn.mashang.reception;

import cn.mashang.auth.Role;
import cn.mashang.auth.StaffScope;
import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/**
 * Who may run a station's reception: its liaisons and head(s), or an admin above it. Deputies of the station see
 * and check themselves in. Outside the scope answers 404 like an unknown station.
 */
@Singleton
class ReceptionAccess {
    private final Scopes scopes;

    ReceptionAccess(Scopes scopes) {
        this.scopes = scopes;
    }

    StaffScope scope(Authentication auth) {
        return scopes.of(auth);
    }

    /** Liaison or head of the station, or an admin whose region contains it. */
    StaffScope requireRun(Authentication auth, long stationId, String what) {
        StaffScope s = scopes.of(auth);
        boolean ok = switch (s.role()) {
            case LIAISON, STATION_HEAD -> s.stationIds().contains(stationId);
            case ADMIN -> scopes.canManageStation(auth, stationId);
            default -> false;
        };
        if (!ok) {
            throw ApiException.notFound(what);
        }
        return s;
    }

    /** Any staff member of the station (its deputies too) or an admin above it. */
    StaffScope requireSee(Authentication auth, long stationId, String what) {
        scopes.requireSeeStation(auth, stationId, what);
        return scopes.of(auth);
    }

    static boolean runs(StaffScope s) {
        return s.role() == Role.LIAISON || s.role() == Role.STATION_HEAD || s.role() == Role.ADMIN;
    }
}
