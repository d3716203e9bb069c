package cn.mashang.resident.message;

import cn.mashang.common.Times;
import cn.mashang.notify.Channel;
import cn.mashang.notify.NotificationMessage;
import cn.mashang.resident.PiiCrypto;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Development only: where residents' SMS go when no SMS provider is configured ({@code ./mvnw mn:run}), so a
 * newcomer can follow a message or try 找回我的反映 with the code. Reaches the recipients SMS would reach (a number,
 * and the opt-in of a concern or booking); delivery writes one log line with the number masked and keeps the last
 * {@value #KEPT} messages in memory. Exists only with {@code resident.dev-inbox.enabled} (true in application.yml,
 * false in tests and prod), never in the {@code prod} environment, and never beside a configured SMS provider.
 */
@Singleton
@Requires(notEnv = "prod")
@Requires(property = "resident.dev-inbox.enabled", value = "true")
@Requires(property = "resident.sms.enabled", notEquals = "true")
public class DevInboxChannel implements ResidentChannel {
    private static final Logger LOG = LoggerFactory.getLogger(DevInboxChannel.class);
    static final int KEPT = 50;
    private final ResidentContacts contacts;
    private final Deque<Entry> last = new ArrayDeque<>();

    DevInboxChannel(ResidentContacts contacts) {
        this.contacts = contacts;
        LOG.warn("开发收件箱已开启：居民短信（含找回验证码）不外发，只写入日志（手机号打码）");
    }

    /** A delivered message: the masked number and the text the SMS would carry. */
    public record Entry(Instant at, String mobileMasked, String text) {
    }

    @Override
    public Channel channel() {
        return Channel.DEV;
    }

    @Override
    public Optional<String> target(Recipient recipient) {
        return contacts.target(recipient);
    }

    @Override
    public void send(String target, NotificationMessage message) {
        Optional<String> mobile = Recipient.parse(target).flatMap(contacts::mobile);
        if (mobile.isEmpty()) {
            return; // opted out or purged since it was queued, as SMS
        }
        Entry e = new Entry(Times.now(), PiiCrypto.mask(mobile.get()), message.markdown());
        synchronized (last) {
            last.addFirst(e);
            while (last.size() > KEPT) {
                last.removeLast();
            }
        }
        LOG.info("开发收件箱 → {}：{}", e.mobileMasked(), e.text());
    }

    /** The kept messages, newest first. */
    public List<Entry> last() {
        synchronized (last) {
            return List.copyOf(last);
        }
    }
}
