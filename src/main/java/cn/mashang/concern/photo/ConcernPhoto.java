package cn.mashang.concern.photo;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A re-encoded photo; attached to a concern by the submission that names its upload token. */
@MappedEntity("concern_photo")
public record ConcernPhoto(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long concernId,
        String uploadToken,
        String storageName,
        String contentType,
        int bytes,
        int width,
        int height,
        @Nullable String deviceHash,
        Instant createdAt) {
}
