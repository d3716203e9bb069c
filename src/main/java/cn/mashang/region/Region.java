package cn.mashang.region;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A node of the region tree: (PROVINCE →) CITY → COUNTY → TOWNSHIP → VILLAGE. */
@MappedEntity("region")
public record Region(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long parentId,
        String name,
        RegionLevel level,
        @Nullable String divisionCode,
        String path,
        int sortOrder,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public Region withPath(String newPath) {
        return new Region(id, parentId, name, level, divisionCode, newPath, sortOrder, active, createdAt, updatedAt);
    }

    /** True when this region is {@code other} or lies below it. */
    public boolean within(Region other) {
        return path.startsWith(other.path);
    }
}
