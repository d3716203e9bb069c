package cn.mashang.referral;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** The automatic supervision of referrals ({@link SupervisionJob}); days are working days after the deadline. */
@ConfigurationProperties("referral.supervision")
public record SupervisionConfig(@Bindable(defaultValue = "true") boolean enabled,
                                @Bindable(defaultValue = "10m") Duration interval,
                                @Bindable(defaultValue = "10m") Duration lease,
                                @Bindable(defaultValue = "1") int urgeAfterDays,
                                @Bindable(defaultValue = "5") int reportAfterDays,
                                @Bindable(defaultValue = "500") int pageSize) {
}
