package cn.mashang.notify;

import cn.mashang.common.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/** An outbox row as the admin sees it (without the payload, which may name residents). */
@Serdeable
public record NotificationView(long id, Channel channel, String target, String kind, OutboxStatus status, int attempts,
                               OffsetDateTime nextAttemptAt, @Nullable String lastError, @Nullable String dedupeKey,
                               OffsetDateTime createdAt, @Nullable OffsetDateTime sentAt) {
    static NotificationView of(OutboxEntry e) {
        return new NotificationView(e.id(), e.channel(), e.target(), e.kind(), e.status(), e.attempts(),
                Times.show(e.nextAttemptAt()), e.lastError(), e.dedupeKey(), Times.show(e.createdAt()), Times.show(e.sentAt()));
    }
}
