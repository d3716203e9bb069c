package cn.mashang.admin;

import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/** Loads an object for the admin API and checks it lies in the caller's region; otherwise 404. */
@Singleton
class AdminGuard {
    private final Scopes scopes;
    private final StationRepository stations;
    private final DeputyRepository deputies;

    AdminGuard(Scopes scopes, StationRepository stations, DeputyRepository deputies) {
        this.scopes = scopes;
        this.stations = stations;
        this.deputies = deputies;
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
