package cn.mashang.notify;

import cn.mashang.common.Times;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers due outbox rows. Safe with several replicas (and several threads): each row is claimed with a
 * conditional single-row UPDATE (PENDING and due, or SENDING with an expired lease → SENDING, claimed_by = this
 * run, claimed_until = now + lease, attempts + 1); only the run whose UPDATE matched delivers it. Results are
 * written only while the claim is still ours. A failed attempt is retried after backoffBase·2^(attempts−1)
 * (capped), up to maxAttempts, then FAILED; permanent errors fail at once. Delivery is at least once: a replica
 * that dies after sending but before marking SENT leaves a lease that expires and the row is sent again.
 */
@Singleton
public class OutboxSender {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxRepository rows;
    private final NotifyConfig.Sender config;
    private final Map<Channel, NotificationChannel> channels = new EnumMap<>(Channel.class);
    private final ObjectMapper json;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong runs = new AtomicLong();

    OutboxSender(OutboxRepository rows, NotifyConfig.Sender config, List<NotificationChannel> channels, ObjectMapper json) {
        this.rows = rows;
        this.config = config;
        this.json = json;
        channels.forEach(c -> this.channels.put(c.channel(), c));
    }

    static final java.time.Duration DRAIN_BUDGET = java.time.Duration.ofSeconds(10);

    @Scheduled(fixedDelay = "${notify.sender.interval:15s}", initialDelay = "${notify.sender.initial-delay:30s}")
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        try {
            // drain: after a burst (a reception day, 400 submissions a second in the benchmark) one batch per
            // interval left thousands of rows waiting for many minutes; keep claiming while batches come back full,
            // for at most DRAIN_BUDGET so the scheduler thread is not held indefinitely
            long until = System.nanoTime() + DRAIN_BUDGET.toNanos();
            while (runOnce() >= config.batchSize() && System.nanoTime() < until) {
                LOG.debug("outbox: full batch, claiming the next");
            }
        } catch (RuntimeException e) {
            LOG.warn("outbox run failed: {}", e.getClass().getSimpleName());
        }
    }

    /** One pass: claims up to batchSize due rows and delivers each. Returns the number of rows this run claimed. */
    public int runOnce() {
        Instant now = Times.now();
        rows.failExhaustedLeases(now, config.maxAttempts(), "发送中断且已达最大重试次数");
        Set<Long> candidates = new LinkedHashSet<>(rows.findExpired(now, config.batchSize()));
        candidates.addAll(rows.findDue(now, config.batchSize()));
        String claimant = instance + "-" + runs.incrementAndGet();
        Instant until = now.plus(config.lease());
        int claimed = 0;
        for (Long id : candidates) {
            if (claimed >= config.batchSize()) {
                break;
            }
            if (rows.claim(id, claimant, until, now, config.maxAttempts()) == 1) {
                claimed++;
                rows.findById(id).ifPresent(row -> deliver(row, claimant));
            }
        }
        return claimed;
    }

    private void deliver(OutboxEntry row, String claimant) {
        try {
            NotificationChannel channel = channels.get(row.channel());
            if (channel == null) {
                throw new DeliveryException("channel " + row.channel() + " unavailable", true);
            }
            NotificationMessage message;
            try {
                message = json.readValue(row.payload(), NotificationMessage.class);
            } catch (Exception e) {
                throw new DeliveryException("payload is not a message", true);
            }
            channel.send(row.target(), message);
            rows.markSent(row.id(), claimant, Times.now());
        } catch (DeliveryException e) {
            failed(row, claimant, e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            failed(row, claimant, RobotHttp.safe(e.getClass().getSimpleName()), false);
        }
    }

    private void failed(OutboxEntry row, String claimant, String error, boolean permanent) {
        boolean giveUp = permanent || row.attempts() >= config.maxAttempts();
        Instant next = Times.now().plus(config.backoff(row.attempts()));
        rows.markFailedAttempt(row.id(), claimant, giveUp ? OutboxStatus.FAILED.name() : OutboxStatus.PENDING.name(),
                next, RobotHttp.safe(error));
        LOG.warn("notification {} ({} to {}) attempt {} failed{}: {}", row.id(), row.channel(), row.target(),
                row.attempts(), giveUp ? ", giving up" : "", RobotHttp.safe(error));
    }
}
