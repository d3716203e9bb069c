package cn.mashang.cluster;

import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Against the real Redis (REDIS_TEST_URI, default 127.0.0.1:6379), a key prefix per run: -Predis. */
@Tag("redis")
class SharedBucketsTest {
    private static final String URI = System.getenv().getOrDefault("REDIS_TEST_URI", "redis://127.0.0.1:6379");
    private static final String PREFIX = "mashang-test:" + Long.toString(System.nanoTime(), 36) + ":";
    private static final Supplier<BucketConfiguration> FIVE_PER_HOUR = () -> BucketConfiguration.builder()
            .addLimit(l -> l.capacity(5).refillIntervally(5, Duration.ofHours(1))).build();

    @Test
    void threeReplicasSharingRedisAdmitOnlyTheLimitInTotal() {
        List<SharedBuckets> replicas = IntStream.range(0, 3)
                .mapToObj(i -> new SharedBuckets(URI, PREFIX, Duration.ofMillis(500), Duration.ofSeconds(5))).toList();
        int admitted = 0;
        for (int round = 0; round < 5; round++) {
            for (SharedBuckets replica : replicas) {
                Boolean ok = replica.run("limit:SUBMIT_DEVICE|dev-1", FIVE_PER_HOUR, b -> b.tryConsume(1));
                assertNotNull(ok, "Redis answered");
                admitted += ok ? 1 : 0;
            }
        }
        assertEquals(5, admitted, "15 attempts over 3 replicas, limit 5");
        assertNull(replicas.get(0).problem());
        replicas.forEach(SharedBuckets::close);
    }

    @Test
    void anUnreachableRedisAnswersNullSoTheCallerFallsBackToItsOwnBucket() {
        SharedBuckets away = new SharedBuckets("redis://127.0.0.1:1", PREFIX, Duration.ofMillis(200), Duration.ofSeconds(5));
        long t0 = System.nanoTime();
        assertNull(away.run("limit:x", FIVE_PER_HOUR, b -> b.tryConsume(1)));
        assertNull(away.run("limit:x", FIVE_PER_HOUR, b -> b.tryConsume(1)), "no reconnect before redis.reconnect");
        assertNotNull(away.problem());
        assertEquals(true, (System.nanoTime() - t0) < 3_000_000_000L, "fails fast");
        away.close();
    }
}
