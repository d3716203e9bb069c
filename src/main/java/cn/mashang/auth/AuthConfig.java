package cn.mashang.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Login and token settings ({@code auth.*}).
 *
 * @param accessTokenMinutes     lifetime of an access token
 * @param refreshTokenDays       lifetime of a refresh token
 * @param bcryptCost             bcrypt work factor (10..12)
 * @param accountMaxFailures     wrong passwords per login name before it is refused for a while
 * @param addressMaxFailures     wrong passwords per client address before it is refused for a while
 * @param failureWindowMinutes   window in which failures are counted (buckets refill over it)
 * @param stateCacheSeconds      how long an account's active flag / token version is cached per replica
 */
@ConfigurationProperties("auth")
public record AuthConfig(
        @Bindable(defaultValue = "15") int accessTokenMinutes,
        @Bindable(defaultValue = "14") int refreshTokenDays,
        @Bindable(defaultValue = "12") int bcryptCost,
        @Bindable(defaultValue = "5") int accountMaxFailures,
        @Bindable(defaultValue = "20") int addressMaxFailures,
        @Bindable(defaultValue = "15") int failureWindowMinutes,
        @Bindable(defaultValue = "10") int stateCacheSeconds) {

    public AuthConfig {
        if (bcryptCost < 10 || bcryptCost > 14) {
            throw new IllegalStateException("auth.bcrypt-cost must be between 10 and 14");
        }
    }
}
