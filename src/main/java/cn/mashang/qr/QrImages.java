package cn.mashang.qr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;

/**
 * Rendered QR images: memory first (Caffeine, bounded by total bytes {@link QrConfig#imageCacheBytes()}, metrics
 * {@code cache.*{cache=qr.images}}), then the database for the stored size classes ({@link QrConfig#storedSizes()},
 * {@link QrImageStore}: rendered once per code, format and size class on any replica, kept across restarts), and
 * only then a render ({@code qr.renders} counts them). Callers check the code's status first (a revoked code's image
 * is never served, cached or not; its stored rows are deleted when it is revoked).
 *
 * <p>Renders are CPU work with a few MB of transient buffers each (a 1,024 px PNG); on virtual threads nothing
 * bounded how many ran at once, and 64 concurrent cold renders exhausted a 192 MB heap in the benchmark. At most
 * two per core now run together; the rest wait (outside the cache's lock) for a permit.
 */
@Singleton
public class QrImages {
    private static final Logger LOG = LoggerFactory.getLogger(QrImages.class);
    public enum Format { PNG, SVG }

    record Key(String url, Format format, int size) {
    }

    private final QrRenderer renderer;
    private final QrConfig config;
    private final QrImageStore store;
    private final Cache<Key, byte[]> cache;
    private final Counter renderCount;
    private final Semaphore renders = new Semaphore(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));

    QrImages(QrRenderer renderer, QrConfig config, QrImageStore store, MeterRegistry registry) {
        this.renderer = renderer;
        this.config = config;
        this.store = store;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(config.imageCacheBytes())
                .weigher((Key k, byte[] v) -> v.length + 64)
                .recordStats().build();
        CaffeineCacheMetrics.monitor(registry, cache, "qr.images");
        this.renderCount = Counter.builder("qr.renders").description("QR images rendered (not read from memory or the store)")
                .register(registry);
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

    /**
     * Storing is an optimisation for the next replica and the next start: when it fails (a deadlock or lock wait
     * against a concurrent render of the same image, the database briefly away) the scan still gets its image.
     */
    private void keep(ContactCode code, Format format, int size, String url, byte[] image) {
        try {
            store.save(code.id(), format, size, url, image);
        } catch (RuntimeException e) {
            LOG.debug("QR image of code {} not stored: {}", code.id(), e.toString());
        }
    }

    /** The image of an active code at {@code url}: memory, else the store (size classes), else rendered and kept. */
    public byte[] image(ContactCode code, String url, Format format, int size) {
        Key key = new Key(url, format, size);
        byte[] hit = cache.getIfPresent(key);
        if (hit != null) {
            return hit;
        }
        boolean stored = config.storedSizes().contains(size);
        byte[] image = stored ? store.find(code.id(), format, size, url).orElse(null) : null;
        if (image == null) {
            image = rendered(key);
            if (stored) {
                keep(code, format, size, url, image);
            }
        }
        cache.put(key, image);
        return image;
    }

    /** An image of any text, kept in memory only (benchmarks and previews). */
    public byte[] image(String url, Format format, int size) {
        Key key = new Key(url, format, size);
        byte[] hit = cache.getIfPresent(key);
        if (hit != null) {
            return hit;
        }
        byte[] image = rendered(key);
        cache.put(key, image);
        return image;
    }

    /** Renders and stores the size classes of a newly issued code, so its first scans read bytes. */
    public void prerender(ContactCode code, String url) {
        for (int size : config.storedSizes()) {
            for (Format f : Format.values()) {
                image(code, url, f, size);
            }
        }
    }

    /** Renders done by this replica since start. */
    public long renders() {
        return (long) renderCount.count();
    }

    private byte[] rendered(Key k) {
        renders.acquireUninterruptibly();
        try {
            renderCount.increment();
            return k.format() == Format.PNG ? renderer.png(k.url(), k.size())
                    : renderer.svg(k.url(), k.size()).getBytes(StandardCharsets.UTF_8);
        } finally {
            renders.release();
        }
    }

    /** Drops every image kept in memory (the store keeps its rows; the benchmark measures cold renders). */
    public void clear() {
        cache.invalidateAll();
    }
}
