package cn.mashang.open311;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Service requests per client key: a Bucket4j token bucket per client (as {@code concern.RateLimits} does for
 * residents), per replica, held in Caffeine. Exhausted → the spec's error with code 429 and Retry-After.
 */
@Singleton
class ClientRateLimit {
    private final Open311Config config;
    private final Cache<Long, Bucket> buckets = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(2)).build();

    ClientRateLimit(Open311Config config) {
        this.config = config;
    }

    void take(long clientId) {
        Bucket bucket = buckets.get(clientId, k -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(config.clientLimit()).refillIntervally(config.clientLimit(), config.clientPeriod()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new Open311Exception(429, "too many service requests with this api_key: retry in " + seconds
                    + " s (at most " + config.clientLimit() + " per " + config.clientPeriod().toSeconds() + " s)",
                    seconds);
        }
    }
}
