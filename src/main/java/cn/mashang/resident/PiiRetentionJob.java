package cn.mashang.resident;

import cn.mashang.concern.ConcernRepository;
import cn.mashang.concern.intake.IdempotencyRepository;
import cn.mashang.concern.intake.IntakeConfig;
import cn.mashang.concern.photo.ConcernPhotoRepository;
import cn.mashang.concern.photo.PhotoStore;
import cn.mashang.common.Times;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Daily housekeeping of personal data (PIPL): anonymises name and mobile of every concern finished more than
 * {@code pii.retention-days} (default 365) ago — closed, rejected or merged ({@link ConcernRepository#finishedWithPersonalData}), forgets idempotency answers (they hold tracking secrets) after
 * {@code intake.idempotency-ttl}, and deletes photos never attached to a concern. Every step is idempotent, so
 * replicas running it at the same time do no harm.
 */
@Singleton
public class PiiRetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(PiiRetentionJob.class);
    private final ConcernRepository concerns;
    private final IdempotencyRepository idempotency;
    private final ConcernPhotoRepository photos;
    private final PhotoStore store;
    private final IntakeConfig config;
    private final int retentionDays;

    PiiRetentionJob(ConcernRepository concerns, IdempotencyRepository idempotency, ConcernPhotoRepository photos,
                    PhotoStore store, IntakeConfig config, @Value("${pii.retention-days:365}") int retentionDays) {
        this.concerns = concerns;
        this.idempotency = idempotency;
        this.photos = photos;
        this.store = store;
        this.config = config;
        this.retentionDays = retentionDays;
    }

    @Scheduled(cron = "0 30 3 * * *", zoneId = "Asia/Shanghai")
    void daily() {
        run(Times.now());
    }

    /** Runs the housekeeping as of {@code now}; answers the number of concerns anonymised. */
    @Transactional
    public int run(Instant now) {
        int anonymised = 0;
        Instant cutoff = now.minus(Duration.ofDays(retentionDays));
        for (var batch = concerns.finishedWithPersonalData(cutoff); !batch.isEmpty();
             batch = concerns.finishedWithPersonalData(cutoff)) {
            for (Long id : batch) {
                anonymised += concerns.anonymise(id, now);
            }
        }
        int forgotten = idempotency.deleteOlderThan(now.minus(config.idempotencyTtl()));
        int dropped = 0;
        for (var p : photos.unattachedBefore(now.minus(Duration.ofDays(1)))) {
            store.delete(p.storageName());
            photos.delete(p);
            dropped++;
        }
        LOG.info("PII retention: {} concerns anonymised, {} idempotency records and {} stray photos removed",
                anonymised, forgotten, dropped);
        return anonymised;
    }
}
