package cn.mashang.concern.intake;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Limits of resident intake ({@code intake.*}). Rate limits are per replica (Bucket4j buckets held in
 * Caffeine); nginx adds a coarse outer limit.
 */
@ConfigurationProperties("intake")
public record IntakeConfig(
        @Bindable(defaultValue = "5") int deviceSubmitLimit,
        @Bindable(defaultValue = "10m") Duration deviceSubmitPeriod,
        @Bindable(defaultValue = "30") int addressSubmitLimit,
        @Bindable(defaultValue = "1h") Duration addressSubmitPeriod,
        @Bindable(defaultValue = "20") int uploadLimit,
        @Bindable(defaultValue = "10m") Duration uploadPeriod,
        @Bindable(defaultValue = "20") int messageLimit,
        @Bindable(defaultValue = "10m") Duration messagePeriod,
        @Bindable(defaultValue = "65536") int maxBodyBytes,
        @Bindable(defaultValue = "4") int maxPhotos,
        @Bindable(defaultValue = "5242880") int maxPhotoBytes,
        @Bindable(defaultValue = "40000000") long maxPixels,
        @Bindable(defaultValue = "2560") int maxPhotoEdge,
        @Bindable(defaultValue = "30m") Duration duplicateWindow,
        @Bindable(defaultValue = "0.9") double duplicateSimilarity,
        @Bindable(defaultValue = "2") int maxReopens,
        @Bindable(defaultValue = "24h") Duration idempotencyTtl) {
}
