package cn.mashang.concern.photo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Memory bounds of photo decoding ({@code photos.*}), sized for the deployment's heap (-Xmx384m):
 * one image may take at most {@code max-decode-bytes} of decoded pixels (larger images are decoded subsampled),
 * and all uploads decoding at the same time together at most {@code budget-bytes}; an upload that cannot get its
 * share within {@code budget-wait} answers 503 with Retry-After.
 */
@ConfigurationProperties("photos")
public record PhotoDecodeConfig(
        @Bindable(defaultValue = "67108864") long maxDecodeBytes,
        @Bindable(defaultValue = "100663296") long budgetBytes,
        @Bindable(defaultValue = "10s") Duration budgetWait) {
}
