package cn.mashang.location;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A 小区 or 村 of a station's area: what a resident may pick as the place of a concern. */
@MappedEntity("station_community")
public record Community(@Id @GeneratedValue @Nullable Long id, long stationId, String name, int sortOrder,
                        boolean active, Instant createdAt) {
}
