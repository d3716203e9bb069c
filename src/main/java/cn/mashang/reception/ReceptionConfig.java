package cn.mashang.reception;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Reception days ({@code reception.*}): how far ahead sessions are generated, bookings per person, and the
 * reminder sent to on-duty deputies a configurable time before a session.
 */
@ConfigurationProperties("reception")
public record ReceptionConfig(
        @Bindable(defaultValue = "60") int horizonDays,
        @Bindable(defaultValue = "20") int defaultCapacity,
        @Bindable(defaultValue = "3") int maxOpenBookings,
        @Bindable(defaultValue = "24h") Duration reminderLead,
        @Bindable(defaultValue = "true") boolean jobsEnabled) {
}
