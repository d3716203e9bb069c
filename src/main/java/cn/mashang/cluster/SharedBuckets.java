package cn.mashang.cluster;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Token buckets that all replicas share, kept in Redis through Bucket4j's Lettuce integration (compare-and-swap
 * on one key per bucket). Only when {@code redis.uri} is set; without it limits stay per replica, as before.
 *
 * <p>Failure direction (stated): when Redis cannot be reached, {@link #run} answers {@code null} and the caller
 * uses its own per-replica bucket — limits keep holding per replica (N replicas admit at most N× the limit) and
 * residents are never refused because Redis is away. {@code /health} shows the component {@code redis} as DEGRADED
 * meanwhile ({@link RedisHealth}). Commands time out after {@code redis.timeout} (300 ms); a lost connection is
 * retried at most every {@code redis.reconnect} (5 s) so a dead Redis costs no waiting per request.
 */
@Singleton
@Requires(property = "redis.uri")
public class SharedBuckets {
    private static final Logger LOG = LoggerFactory.getLogger(SharedBuckets.class);
    private final RedisClient client;
    private final String prefix;
    private final Duration reconnect;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;
    private volatile long nextAttempt;
    private volatile String lastError;

    public SharedBuckets(@Value("${redis.uri}") String uri, @Value("${redis.key-prefix:mashang:}") String prefix,
                         @Value("${redis.timeout:300ms}") Duration timeout, @Value("${redis.reconnect:5s}") Duration reconnect) {
        this.client = RedisClient.create(uri);
        this.client.setOptions(ClientOptions.builder()
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        this.prefix = prefix;
        this.reconnect = reconnect;
    }

    /** Runs {@code use} on the shared bucket {@code key}; null when Redis is unavailable (the caller falls back). */
    public <T> @Nullable T run(String key, Supplier<BucketConfiguration> config, java.util.function.Function<Bucket, T> use) {
        ProxyManager<String> manager = manager();
        if (manager == null) {
            return null;
        }
        try {
            return use.apply(manager.builder().build(prefix + key, config));
        } catch (RuntimeException e) {
            failed(e);
            return null;
        }
    }

    /** Forgets the shared bucket (e.g. a successful login clears its failures); false when Redis is unavailable. */
    public boolean remove(String key) {
        ProxyManager<String> manager = manager();
        if (manager == null) {
            return false;
        }
        try {
            manager.removeProxy(prefix + key);
            return true;
        } catch (RuntimeException e) {
            failed(e);
            return false;
        }
    }

    /** Null when connected, else why not (for /health). */
    public @Nullable String problem() {
        manager();
        return connection != null && connection.isOpen() ? null : (lastError == null ? "not connected" : lastError);
    }

    RedisClient client() {
        return client;
    }

    private ProxyManager<String> manager() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null && c.isOpen()) {
            return buckets;
        }
        synchronized (this) {
            if (connection != null && connection.isOpen()) {
                return buckets;
            }
            if (System.currentTimeMillis() < nextAttempt) {
                return null;
            }
            try {
                StatefulRedisConnection<String, byte[]> fresh = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                buckets = Bucket4jLettuce.casBasedBuilder(fresh)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                        .build();
                connection = fresh;
                lastError = null;
                LOG.info("shared limits: connected to Redis");
                return buckets;
            } catch (RuntimeException e) {
                failed(e);
                return null;
            }
        }
    }

    private void failed(RuntimeException e) {
        nextAttempt = System.currentTimeMillis() + reconnect.toMillis();
        if (lastError == null) {
            LOG.warn("shared limits: Redis unavailable ({}); per-replica limits until it is back", e.getClass().getSimpleName());
        }
        lastError = e.getClass().getSimpleName();
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null && !c.isOpen()) {
            connection = null;
        }
    }

    @PreDestroy
    void close() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
}
