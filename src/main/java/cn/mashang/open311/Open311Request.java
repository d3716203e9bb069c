package cn.mashang.open311;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

/** What Open311 adds to a concern it filed (the concern row itself is the service request). */
@MappedEntity("open311_request")
record Open311Request(
        @Id Long concernId,
        Long clientId,
        String token,
        @Nullable BigDecimal lat,
        @Nullable BigDecimal lon,
        @Nullable String addressId,
        @Nullable String mediaUrl,
        Instant createdAt) {
}
