package cn.mashang.station;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** A 人大代表联络站 (STATION) or 联络点 (POINT), regional or industry (专业/产业). */
@MappedEntity("station")
public record Station(
        @Id @GeneratedValue @Nullable Long id,
        Long regionId,
        String name,
        StationKind kind,
        StationType type,
        @Nullable String industry,
        String address,
        @Nullable String introduction,
        @Nullable String openingHours,
        @Nullable String receptionNote,
        @Nullable String publicPhone,
        boolean active,
        @Version @Nullable Long version,
        Instant createdAt,
        Instant updatedAt) {

    public enum StationKind { STATION, POINT }

    public enum StationType { REGIONAL, INDUSTRY }
}
