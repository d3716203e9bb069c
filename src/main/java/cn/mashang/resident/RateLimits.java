package cn.mashang.resident;

import cn.mashang.concern.intake.IntakeConfig;
import cn.mashang.resident.recovery.RecoveryConfig;
import cn.mashang.common.ApiException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import cn.mashang.cluster.SharedBuckets;
import io.micronaut.core.annotation.Nullable;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;

/**
 * Anti-abuse without login: token buckets (Bucket4j) per address and per device, held in a bounded Caffeine
 * cache that forgets idle keys. Exhausted → 429 with Retry-After.
 */
@Singleton
public class RateLimits {
    public enum Kind { SUBMIT_DEVICE, SUBMIT_ADDRESS, UPLOAD, MESSAGE, CODE_NUMBER, CODE_ADDRESS }

    private final IntakeConfig config;
    private final RecoveryConfig recovery;
    private final @Nullable SharedBuckets shared;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterAccess(Duration.ofHours(2)).build();

    RateLimits(IntakeConfig config, RecoveryConfig recovery, @Nullable SharedBuckets shared) {
        this.config = config;
        this.recovery = recovery;
        this.shared = shared;
    }

    /** Takes one token for the key or throws 429. */
    public void take(Kind kind, String key) {
        String name = kind + "|" + key;
        // shared across replicas when redis.uri is set; this replica's own bucket without Redis or while it is away
        ConsumptionProbe probe = shared == null ? null
                : shared.run("limit:" + name, () -> configuration(kind), b -> b.tryConsumeAndReturnRemaining(1));
        if (probe == null) {
            probe = buckets.get(name, k -> newBucket(kind)).tryConsumeAndReturnRemaining(1);
        }
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "操作过于频繁，请稍后再试",
                    "提交过于频繁，请在 " + seconds + " 秒后再试", Map.of("retryAfterSeconds", seconds));
        }
    }

    private Bucket newBucket(Kind kind) {
        return Bucket.builder().addLimit(bandwidth(kind)).build();
    }

    private BucketConfiguration configuration(Kind kind) {
        return BucketConfiguration.builder().addLimit(bandwidth(kind)).build();
    }

    private Bandwidth bandwidth(Kind kind) {
        int limit;
        Duration period;
        switch (kind) {
            case SUBMIT_DEVICE -> { limit = config.deviceSubmitLimit(); period = config.deviceSubmitPeriod(); }
            case SUBMIT_ADDRESS -> { limit = config.addressSubmitLimit(); period = config.addressSubmitPeriod(); }
            case UPLOAD -> { limit = config.uploadLimit(); period = config.uploadPeriod(); }
            case CODE_NUMBER -> { limit = recovery.numberLimit(); period = recovery.numberPeriod(); }
            case CODE_ADDRESS -> { limit = recovery.addressLimit(); period = recovery.addressPeriod(); }
            default -> { limit = config.messageLimit(); period = config.messagePeriod(); }
        }
        return Bandwidth.builder().capacity(limit).refillIntervally(limit, period).build();
    }
}
