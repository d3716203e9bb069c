package cn.mashang;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Deployment-wide settings.
 *
 * @param publicBaseUrl  the address residents reach (printed into every QR code), no trailing slash
 * @param trackingPrefix prefix of human tracking numbers, e.g. LL for 吕梁
 */
@ConfigurationProperties("app")
public record AppConfig(String publicBaseUrl, String trackingPrefix) {
    public AppConfig {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            throw new IllegalStateException("app.public-base-url (PUBLIC_BASE_URL) must be set");
        }
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        trackingPrefix = trackingPrefix == null || trackingPrefix.isBlank() ? "LL" : trackingPrefix;
    }
}
