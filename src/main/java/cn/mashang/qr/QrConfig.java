package cn.mashang.qr;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.List;

/**
 * QR settings ({@code qr.*}). Every value has a default; none needs to be configured.
 *
 * @param minSize         smallest image edge in pixels a client may ask for (default 128)
 * @param maxSize         largest image edge (default 2048)
 * @param defaultSize     edge when none is asked (default 512)
 * @param lookupTtl       how long a replica keeps a cached code lookup (default 10 min). Revocations do not wait
 *                        for it: the revoking replica drops the code at once and the others within
 *                        {@code revocationPoll} ({@link RevocationWatch}); the TTL is the bound if polling fails.
 * @param revocationPoll  how often a replica reads the latest revocations (default 1 s)
 * @param stationViewTtl  how long a replica keeps a station's landing data (default 30 s): an edit to a station,
 *                        its deputies or memberships drops it on the editing replica at once, the others show the
 *                        edit within this bound (5 s cost a city's landing path 56% of its CPU in reloads)
 * @param imageCacheBytes total bytes of rendered images kept (default 32 MiB)
 * @param posterFontPaths CJK TrueType fonts (TTF/TTC) for posters, first readable one wins
 * @param stationCacheSize stations whose landing data a replica keeps for {@code lookupTtl} (default 4096)
 * @param storedSizes     image edges (size classes) whose renders are kept in the database, {@code qr_image}
 *                        (default 128, 256, 512, 1024: the pages' thumbnails, the default and print size); other
 *                        sizes are kept in memory only
 * @param landingCacheBytes total bytes of finished landing pages kept (default 16 MiB, ~2,500 pages of ~6 KB)
 */
@ConfigurationProperties("qr")
public record QrConfig(@Nullable Integer minSize, @Nullable Integer maxSize, @Nullable Integer defaultSize,
                       @Nullable Duration lookupTtl, @Nullable Duration revocationPoll,
                       @Nullable Duration stationViewTtl, @Nullable Long imageCacheBytes,
                       @Nullable List<String> posterFontPaths, @Nullable Integer stationCacheSize,
                       @Nullable List<Integer> storedSizes, @Nullable Long landingCacheBytes) {
    /** Debian: fonts-wqy-microhei (preferred), fonts-wqy-zenhei, fonts-arphic-uming, fonts-droid-fallback. */
    public static final List<String> DEBIAN_FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    public QrConfig {
        minSize = minSize == null ? 128 : minSize;
        maxSize = maxSize == null ? 2048 : maxSize;
        defaultSize = defaultSize == null ? 512 : defaultSize;
        lookupTtl = lookupTtl == null ? Duration.ofMinutes(10) : lookupTtl;
        revocationPoll = revocationPoll == null ? Duration.ofSeconds(1) : revocationPoll;
        stationViewTtl = stationViewTtl == null ? Duration.ofSeconds(30) : stationViewTtl;
        imageCacheBytes = imageCacheBytes == null ? 32L * 1024 * 1024 : imageCacheBytes;
        stationCacheSize = stationCacheSize == null ? 4096 : stationCacheSize;
        landingCacheBytes = landingCacheBytes == null ? 16L * 1024 * 1024 : landingCacheBytes;
        storedSizes = storedSizes == null ? List.of(128, 256, 512, 1024) : List.copyOf(storedSizes);
        posterFontPaths = posterFontPaths == null || posterFontPaths.isEmpty() ? DEBIAN_FONTS : List.copyOf(posterFontPaths);
    }
}
