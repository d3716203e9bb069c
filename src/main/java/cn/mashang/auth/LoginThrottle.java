package cn.mashang.auth;

import cn.mashang.common.ApiException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
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
    private final Cache<String, Bucket> byLogin;
    private final Cache<String, Bucket> byAddress;

    LoginThrottle(AuthConfig config) {
        this.config = config;
        Duration idle = Duration.ofMinutes(config.failureWindowMinutes() * 2L);
        this.byLogin = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(200_000).build();
        this.byAddress = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(200_000).build();
    }

    /** Throws 429 when the login or the address has used up its failures. */
    public void check(String login, String address) {
        long waitNanos = Math.max(wait(byLogin.getIfPresent(key(login))), wait(byAddress.getIfPresent(address)));
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "操作过于频繁，请稍后再试",
                    "登录尝试过于频繁，请 " + seconds + " 秒后再试", Map.of("retryAfterSeconds", seconds));
        }
    }

    public void failed(String login, String address) {
        byLogin.get(key(login), k -> bucket(config.accountMaxFailures())).tryConsume(1);
        byAddress.get(address, k -> bucket(config.addressMaxFailures())).tryConsume(1);
    }

    public void succeeded(String login) {
        byLogin.invalidate(key(login));
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
