package cn.mashang.resident.message;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code resident.messages}: the reminder job ({@code jobs-enabled}, off in tests, which call it directly), how
 * long before a resolved concern auto-closes the resident is reminded to rate it, and how long before a reception
 * session its bookings are reminded.
 */
@ConfigurationProperties("resident.messages")
public record MessageConfig(@Bindable(defaultValue = "true") boolean jobsEnabled,
                            @Bindable(defaultValue = "2d") Duration ratingReminderLead,
                            @Bindable(defaultValue = "24h") Duration bookingReminderLead) {
}
