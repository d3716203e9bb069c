package cn.mashang.cluster;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import io.micronaut.core.async.publisher.Publishers;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * {@code /health} component {@code redis} (only when {@code redis.uri} is set): DEGRADED (operational, so /health stays 200 and the replica stays in the load balancer) with the reason while the shared
 * limits cannot reach Redis. Limits then hold per replica ({@link SharedBuckets}), so the replica keeps serving.
 */
@Singleton
@Requires(property = "redis.uri")
class RedisHealth implements HealthIndicator {
    /** Operational: the replica keeps serving (and stays in the load balancer) with per-replica limits. */
    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "Redis unreachable: limits per replica", true, null);
    private final SharedBuckets shared;

    RedisHealth(SharedBuckets shared) {
        this.shared = shared;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        String problem = shared.problem();
        return Publishers.just(HealthResult.builder("redis", problem == null ? HealthStatus.UP : DEGRADED)
                .details(problem == null ? Map.of("limits", "shared") : Map.of("limits", "per replica", "error", problem))
                .build());
    }
}
