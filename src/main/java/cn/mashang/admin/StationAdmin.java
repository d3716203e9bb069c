package cn.mashang.admin;

import cn.mashang.auth.AccountScopes;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.qr.CodeDirectory;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Stations of the admin's region: create (with its first wall code), update, deactivate; heads edit public info. */
@Singleton
class StationAdmin {
    private final StationRepository stations;
    private final AdminLookups lookups;
    private final AdminGuard guard;
    private final CodeDirectory codes;
    private final AccountScopes scopes;

    StationAdmin(StationRepository stations, AdminLookups lookups, AdminGuard guard, CodeDirectory codes,
                 AccountScopes scopes) {
        this.stations = stations;
        this.lookups = lookups;
        this.guard = guard;
        this.codes = codes;
        this.scopes = scopes;
    }

    @Transactional
    AdminDtos.StationView create(Authentication auth, AdminDtos.StationInput in) {
        guard.region(auth, in.regionId(), "地区");
        String name = uniqueName(in.regionId(), in.name(), -1L);
        var now = Times.now();
        Station s = stations.save(new Station(null, in.regionId(), name, in.kind(), in.type(), industry(in),
                in.address().trim(), AdminGuard.trim(in.introduction()), AdminGuard.trim(in.openingHours()),
                AdminGuard.trim(in.receptionNote()), AdminGuard.trim(in.publicPhone()), true, null, now, now));
        codes.issueForStation(s.id(), null);
        return AdminDtos.StationView.of(s);
    }

    @Transactional
    AdminDtos.StationView update(Authentication auth, long id, AdminDtos.StationInput in) {
        Station s = guard.station(auth, id);
        if (!in.regionId().equals(s.regionId())) {
            guard.region(auth, in.regionId(), "地区");
        }
        String name = uniqueName(in.regionId(), in.name(), id);
        Station saved = stations.update(new Station(s.id(), in.regionId(), name, in.kind(), in.type(), industry(in),
                in.address().trim(), AdminGuard.trim(in.introduction()), AdminGuard.trim(in.openingHours()),
                AdminGuard.trim(in.receptionNote()), AdminGuard.trim(in.publicPhone()), s.active(), s.version(),
                s.createdAt(), Times.now()));
        return AdminDtos.StationView.of(saved);
    }

    @Transactional
    AdminDtos.StationView setActive(Authentication auth, long id, boolean active) {
        Station s = guard.station(auth, id);
        Station saved = stations.update(new Station(s.id(), s.regionId(), s.name(), s.kind(), s.type(), s.industry(),
                s.address(), s.introduction(), s.openingHours(), s.receptionNote(), s.publicPhone(), active,
                s.version(), s.createdAt(), Times.now()));
        scopes.invalidateAll();
        return AdminDtos.StationView.of(saved);
    }

    /** A head of the station (or an admin above it) edits what residents see. */
    @Transactional
    AdminDtos.StationView publicInfo(Authentication auth, long id, AdminDtos.PublicInfo in) {
        scopes.requireManageStation(auth, id, "联络站");
        Station s = stations.findById(id).filter(Station::active).orElseThrow(() -> ApiException.notFound("联络站"));
        Station saved = stations.update(new Station(s.id(), s.regionId(), s.name(), s.kind(), s.type(), s.industry(),
                in.address().trim(), AdminGuard.trim(in.introduction()), AdminGuard.trim(in.openingHours()),
                AdminGuard.trim(in.receptionNote()), AdminGuard.trim(in.publicPhone()), s.active(), s.version(),
                s.createdAt(), Times.now()));
        return AdminDtos.StationView.of(saved);
    }

    private String uniqueName(Long regionId, String raw, Long exceptId) {
        String name = raw.trim();
        if (lookups.stationsNamed(regionId, name, exceptId) > 0) {
            throw ApiException.conflict("该地区已有名为“" + name + "”的联络站");
        }
        return name;
    }

    private static String industry(AdminDtos.StationInput in) {
        String industry = AdminGuard.trim(in.industry());
        if (in.type() == Station.StationType.INDUSTRY && industry == null) {
            throw ApiException.badField("industry", "专业（产业）联络站须填写所属产业");
        }
        return in.type() == Station.StationType.INDUSTRY ? industry : null;
    }
}
