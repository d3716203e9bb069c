package cn.mashang.concern.intake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A submission's Idempotency-Key with the fingerprint of its body and its (encrypted) answer. */
@MappedEntity("idempotency_record")
public record IdempotencyRecord(
        @Id @GeneratedValue @Nullable Long id,
        String idemKey,
        String scope,
        String requestHash,
        @Nullable String response,
        @Nullable Long concernId,
        Instant createdAt) {
}
