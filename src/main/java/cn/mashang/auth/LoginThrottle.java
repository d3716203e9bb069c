package cn.mashang.auth;

import cn.mashang.common.ApiException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import cn.mashang.cluster.SharedBuckets;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Slows password guessing: a Bucket4j bucket of allowed failures per login name and per client address,
 * held in Caffeine. When either is empty, the attempt is refused with 429 and Retry-After before any
 * account lookup, with the same words whether the account exists or not.
 */
@Singleton
public class LoginThrottle {
    private final AuthConfig config;
    private final @Nullable SharedBuckets shared;
    private final Cache<String, Bucket> byLogin;
    private final Cache<String, Bucket> byAddress;

    LoginThrottle(AuthConfig config, @Nullable SharedBuckets shared) {
        this.config = config;
        this.shared = shared;
        Duration idle = Duration.ofMinutes(config.failureWindowMinutes() * 2L);
        this.byLogin = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(200_000).build();
        this.byAddress = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(200_000).build();
    }

    /** Throws 429 when the login or the address has used up its failures. */
    public void check(String login, String address) {
        long waitNanos = Math.max(waitShared("login:" + key(login), config.accountMaxFailures(), byLogin.getIfPresent(key(login))),
                waitShared("address:" + address, config.addressMaxFailures(), byAddress.getIfPresent(address)));
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "操作过于频繁，请稍后再试",
                    "登录尝试过于频繁，请 " + seconds + " 秒后再试", Map.of("retryAfterSeconds", seconds));
        }
    }

    public void failed(String login, String address) {
        if (shared != null
                && shared.run("throttle:login:" + key(login), () -> configuration(config.accountMaxFailures()), b -> b.tryConsume(1)) != null
                && shared.run("throttle:address:" + address, () -> configuration(config.addressMaxFailures()), b -> b.tryConsume(1)) != null) {
            return;
        }
        byLogin.get(key(login), k -> bucket(config.accountMaxFailures())).tryConsume(1);
        byAddress.get(address, k -> bucket(config.addressMaxFailures())).tryConsume(1);
    }

    public void succeeded(String login) {
        byLogin.invalidate(key(login));
        if (shared != null) {
            shared.remove("throttle:login:" + key(login));
        }
    }

    /** With Redis: the shared bucket's wait (the local one while Redis is away); without: the local one. */
    private long waitShared(String name, int failures, Bucket local) {
        Long shared = this.shared == null ? null : this.shared.run("throttle:" + name, () -> configuration(failures),
                b -> {
                    var probe = b.estimateAbilityToConsume(1);
                    return probe.canBeConsumed() ? 0L : probe.getNanosToWaitForRefill();
                });
        return shared != null ? shared : wait(local);
    }

    private BucketConfiguration configuration(int failures) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(failures)
                        .refillGreedy(failures, Duration.ofMinutes(config.failureWindowMinutes())))
                .build();
    }

    private Bucket bucket(int failures) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(failures)
                        .refillGreedy(failures, Duration.ofMinutes(config.failureWindowMinutes())))
                .build();
    }

    private static long wait(Bucket bucket) {
        if (bucket == null) {
            return 0;
        }
        var probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private static String key(String login) {
        return login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    }
}
