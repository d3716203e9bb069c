package cn.mashang.department;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A government department concerns are referred to (交办), e.g. 住建局, in a region. */
@MappedEntity("department")
public record Department(
        @Id @GeneratedValue @Nullable Long id,
        Long regionId,
        String name,
        @Nullable String contactName,
        @Nullable String contactPhone,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {
}
