package cn.mashang.qr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;

/**
 * Rendered QR images, cached by (url, format, size) in a Caffeine cache bounded by total bytes
 * ({@link QrConfig#imageCacheBytes()}); hit/miss/eviction metrics are published as {@code cache.*{cache=qr.images}}.
 * Callers check the code's status first (a revoked code's image is never served, cached or not).
 *
 * <p>Renders are CPU work with a few MB of transient buffers each (a 1,024 px PNG); on virtual threads nothing
 * bounded how many ran at once, and 64 concurrent cold renders exhausted a 192 MB heap in the benchmark. At most
 * two per core now run together; the rest wait (outside the cache's lock) for a permit.
 */
@Singleton
public class QrImages {
    public enum Format { PNG, SVG }

    record Key(String url, Format format, int size) {
    }

    private final QrRenderer renderer;
    private final QrConfig config;
    private final Cache<Key, byte[]> cache;
    private final Semaphore renders = new Semaphore(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));

    QrImages(QrRenderer renderer, QrConfig config, MeterRegistry registry) {
        this.renderer = renderer;
        this.config = config;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(config.imageCacheBytes())
                .weigher((Key k, byte[] v) -> v.length + 64)
                .recordStats().build();
        CaffeineCacheMetrics.monitor(registry, cache, "qr.images");
    }

    /** The size asked for, or the default; 400 outside [minSize, maxSize]. */
    public int checkedSize(Integer size) {
        int s = size == null ? config.defaultSize() : size;
        if (s < config.minSize() || s > config.maxSize()) {
            throw cn.mashang.common.ApiException.badField("size",
                    "图片边长须在 " + config.minSize() + "–" + config.maxSize() + " 像素之间");
        }
        return s;
    }

    public byte[] image(String url, Format format, int size) {
        Key key = new Key(url, format, size);
        byte[] hit = cache.getIfPresent(key);
        if (hit != null) {
            return hit;
        }
        renders.acquireUninterruptibly();
        try {
            byte[] image = render(key);
            cache.put(key, image);
            return image;
        } finally {
            renders.release();
        }
    }

    private byte[] render(Key k) {
        return k.format() == Format.PNG ? renderer.png(k.url(), k.size())
                : renderer.svg(k.url(), k.size()).getBytes(StandardCharsets.UTF_8);
    }

    /** Drops every cached image (used by the benchmark to measure cold renders). */
    public void clear() {
        cache.invalidateAll();
    }
}
