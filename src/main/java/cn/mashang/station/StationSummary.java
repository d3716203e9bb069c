package cn.mashang.station;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record StationSummary(Long id, String name, Station.StationKind kind, Station.StationType type,
                             String industry, Long regionId, String address, String receptionNote) {
    static StationSummary of(Station s) {
        return new StationSummary(s.id(), s.name(), s.kind(), s.type(), s.industry(), s.regionId(), s.address(),
                s.receptionNote());
    }
}
