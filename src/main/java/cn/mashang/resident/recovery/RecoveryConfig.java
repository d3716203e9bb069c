package cn.mashang.resident.recovery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** {@code resident.recovery}: one-time codes of "找回我的反映" and their limits (per number, per client address). */
@ConfigurationProperties("resident.recovery")
public record RecoveryConfig(@Bindable(defaultValue = "5m") Duration codeLifetime,
                             @Bindable(defaultValue = "5") int codeTries,
                             @Bindable(defaultValue = "5") int numberLimit,
                             @Bindable(defaultValue = "1h") Duration numberPeriod,
                             @Bindable(defaultValue = "20") int addressLimit,
                             @Bindable(defaultValue = "1h") Duration addressPeriod) {
}
