package cn.mashang.resident.message;

import cn.mashang.notify.NotificationMessage;
import cn.mashang.notify.Outbox;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The one dispatcher of messages to residents: one outbox row per {@link ResidentChannel} that reaches the
 * recipient, in the caller's transaction (the outbox joins it), dedupe key {@code resident:<key>:<channel>}.
 * Delivery, retries with backoff and FAILED are the outbox's. Never blocks or fails the resident's request for
 * want of a channel: without one, nothing is queued.
 */
@Singleton
public class ResidentMessages {
    private final Outbox outbox;
    private final List<ResidentChannel> channels;

    ResidentMessages(Outbox outbox, List<ResidentChannel> channels) {
        this.outbox = outbox;
        this.channels = channels;
    }

    /** Queues {@code notice} to the recipient on every channel that reaches them; answers the rows written. */
    public int send(Recipient to, String kind, ResidentNotice notice, String dedupeKey, @Nullable Long stationId) {
        return send(to, kind, notice.message(), dedupeKey, stationId);
    }

    public int send(Recipient to, String kind, NotificationMessage message, String dedupeKey, @Nullable Long stationId) {
        int written = 0;
        for (ResidentChannel channel : channels) {
            var target = channel.target(to);
            if (target.isPresent() && outbox.enqueue(channel.channel(), target.get(), "resident." + kind, message,
                    "resident:" + dedupeKey + ":" + channel.channel(), stationId)) {
                written++;
            }
        }
        return written;
    }
}
