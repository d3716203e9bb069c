package cn.mashang.notify;

/** Delivers one message to a target of its channel. Implementations are @Singleton beans, one per {@link Channel}. */
public interface NotificationChannel {
    Channel channel();

    /** Delivers or throws; must never put a webhook key or secret in the exception message or the log. */
    void send(String target, NotificationMessage message) throws DeliveryException;
}
