package cn.mashang.open311;

import cn.mashang.qr.CodeLookup;
import cn.mashang.qr.ContactCode;
import cn.mashang.region.Region;
import cn.mashang.region.RegionRepository;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Resolves {@code jurisdiction_id} (see {@link Jurisdiction}); unknown, revoked or inactive ones answer 404. */
@Singleton
class Jurisdictions {
    private final CodeLookup codes;
    private final StationRepository stations;
    private final RegionRepository regions;
    private final RegionsByCode byCode;

    Jurisdictions(CodeLookup codes, StationRepository stations, RegionRepository regions, RegionsByCode byCode) {
        this.codes = codes;
        this.stations = stations;
        this.regions = regions;
        this.byCode = byCode;
    }

    Jurisdiction require(String id) {
        if (id == null || id.isBlank()) {
            throw Open311Exception.badRequest("jurisdiction_id was not provided");
        }
        return find(id.strip()).orElseThrow(() -> Open311Exception.notFound("jurisdiction_id '" + id.strip()
                + "' not found"));
    }

    Optional<Jurisdiction> find(String id) {
        if (id.matches("region-\\d{1,18}")) {
            return regions.findById(Long.valueOf(id.substring(7))).filter(Region::active)
                    .map(r -> new Jurisdiction(id, r, null));
        }
        if (id.matches("\\d{6,12}")) {
            return byCode.findFirstByDivisionCodeAndActiveTrueOrderById(id).map(r -> new Jurisdiction(id, r, null));
        }
        return station(id).flatMap(s -> regions.findById(s.regionId()).map(r -> new Jurisdiction(id, r, s)));
    }

    /** The active station behind an active station code. */
    Optional<Station> station(String code) {
        return codes.find(code).filter(c -> c.active() && c.kind() == ContactCode.Kind.STATION)
                .flatMap(c -> stations.findById(c.stationId())).filter(Station::active);
    }
}
