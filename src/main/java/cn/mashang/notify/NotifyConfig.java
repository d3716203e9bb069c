package cn.mashang.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Map;

/**
 * Configuration of the {@code notify:} block (application.yml).
 *
 * @param defaultChannel channel used by {@link Outbox#enqueue(String, String, NotificationMessage, String)} (LOG in development)
 * @param defaultTarget  webhook name used with the default channel
 */
@ConfigurationProperties("notify")
public record NotifyConfig(@Bindable(defaultValue = "LOG") Channel defaultChannel,
                           @Bindable(defaultValue = "default") String defaultTarget) {

    /**
     * The sender job. Retry n (n = attempts so far) waits backoffBase·2^(n−1), capped at backoffMax.
     *
     * @param enabled     run the scheduled job (tests call {@link OutboxSender#runOnce()} instead)
     * @param interval    fixed delay between runs (read by the @Scheduled annotation)
     * @param batchSize   rows claimed per run
     * @param lease       how long a claim lasts; a SENDING row past it is claimed again
     * @param maxAttempts attempts before a row is FAILED
     */
    @ConfigurationProperties("sender")
    public record Sender(@Bindable(defaultValue = "true") boolean enabled,
                         @Bindable(defaultValue = "15s") Duration interval,
                         @Bindable(defaultValue = "50") int batchSize,
                         @Bindable(defaultValue = "2m") Duration lease,
                         @Bindable(defaultValue = "6") int maxAttempts,
                         @Bindable(defaultValue = "30s") Duration backoffBase,
                         @Bindable(defaultValue = "1h") Duration backoffMax) {

        Duration backoff(int attempts) {
            int shift = Math.max(0, Math.min(attempts - 1, 30));
            Duration d = backoffBase.multipliedBy(1L << shift);
            return d.compareTo(backoffMax) > 0 ? backoffMax : d;
        }
    }

    /** Timeouts of the robots' HTTP calls. */
    @ConfigurationProperties("http")
    public record Http(@Bindable(defaultValue = "3s") Duration connectTimeout,
                       @Bindable(defaultValue = "5s") Duration readTimeout) {
    }

    /** WeCom group robots by name: {@code notify.wecom.webhooks.<name>: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}. */
    @ConfigurationProperties("wecom")
    public record WeCom(@Nullable Map<String, String> webhooks) {
        public WeCom {
            webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
        }
    }

    /** DingTalk group robots by name, and the optional 加签 secret of each ({@code notify.dingtalk.secrets.<name>}). */
    @ConfigurationProperties("dingtalk")
    public record DingTalk(@Nullable Map<String, String> webhooks, @Nullable Map<String, String> secrets) {
        public DingTalk {
            webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
            secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        }
    }
}
