package cn.mashang.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of notification_outbox. */
@MappedEntity("notification_outbox")
record OutboxEntry(@Id @GeneratedValue @Nullable Long id,
                   Channel channel,
                   String target,
                   String kind,
                   String payload,
                   OutboxStatus status,
                   int attempts,
                   Instant nextAttemptAt,
                   @Nullable String claimedBy,
                   @Nullable Instant claimedUntil,
                   @Nullable String lastError,
                   @Nullable String dedupeKey,
                   Instant createdAt,
                   @Nullable Instant sentAt,
                   @Nullable Long stationId) {
}
