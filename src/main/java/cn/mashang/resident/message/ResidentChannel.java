package cn.mashang.resident.message;

import cn.mashang.notify.NotificationChannel;

import java.util.Optional;

/**
 * A way to reach a resident (SMS; WeChat subscription messages). A channel is one {@code @Singleton} bean that
 * implements this: {@link ResidentMessages} asks every such bean whether it reaches a recipient and queues one
 * outbox row per channel that does; the outbox sender then calls {@link #send} with that row's target. The target
 * is a reference ({@link Recipient#ref()}, e.g. {@code concern:42}); the channel resolves the address (a decrypted
 * number, an openid) only at delivery, so no address is ever stored in the outbox, shown to admins or logged.
 */
public interface ResidentChannel extends NotificationChannel {
    /** The outbox target for this recipient on this channel, or empty when the channel does not reach them. */
    Optional<String> target(Recipient recipient);
}
