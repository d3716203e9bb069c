package cn.mashang.open311;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An external Open311 client with its hashed API key, scoped to a region. */
@MappedEntity("open311_client")
record ApiClient(
        @Id @GeneratedValue @Nullable Long id,
        Long regionId,
        String name,
        String keyHash,
        String keyPrefix,
        boolean active,
        long requestCount,
        @Nullable Instant lastUsedAt,
        Long createdBy,
        Instant createdAt,
        @Nullable Long revokedBy,
        @Nullable Instant revokedAt) {
}
