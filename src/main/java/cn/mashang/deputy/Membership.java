package cn.mashang.deputy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** A deputy's seat in a station (进站). A deputy may hold several (双进站). */
@MappedEntity("station_membership")
public record Membership(
        @Id @GeneratedValue @Nullable Long id,
        Long stationId,
        Long deputyId,
        MembershipRole role,
        boolean active,
        @Nullable LocalDate joinedOn,
        @Nullable LocalDate leftOn,
        Instant createdAt) {
}
