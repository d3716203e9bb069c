package cn.mashang.location;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

/** The place attached to a concern (at most one); station and time are the concern's, copied for the hot spots. */
@MappedEntity("concern_location")
record ConcernLocation(@Id long concernId, long stationId, Instant createdAt, LocationSource source,
                       @Nullable BigDecimal lat, @Nullable BigDecimal lng, @Nullable Integer accuracyM,
                       @Nullable Long communityId) {
}
