package cn.mashang.qr;

import cn.mashang.common.Refreshes;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Code lookups for the hot path (every scan, every image). Entries live {@link QrConfig#lookupTtl()} (10 min by
 * default); a code revoked on another replica is dropped here by {@link RevocationWatch} within
 * {@link QrConfig#revocationPoll()} (1 s), on the revoking replica {@link #invalidate} drops it at once. Past half
 * of the TTL an entry is reloaded in the background at its next read (which is answered from it; an equal reload
 * keeps the kept instance, so the landing page built from it stays valid): a city's 13,000 codes expiring in the
 * request had about one submission in six read its code. Malformed tokens never reach the database.
 */
@Singleton
public class CodeLookup {
    private final CodeDirectory directory;
    private final LoadingCache<String, Optional<ContactCode>> cache;

    CodeLookup(CodeDirectory directory, QrConfig config, MeterRegistry registry,
               Refreshes executor) {
        this.directory = directory;
        this.cache = executor.within(config.lookupTtl()).maximumSize(20_000).recordStats().build(new CacheLoader<>() {
                    @Override
                    public Optional<ContactCode> load(String code) {
                        return directory.find(code);
                    }

                    @Override
                    public Optional<ContactCode> reload(String code, Optional<ContactCode> kept) {
                        Optional<ContactCode> fresh = directory.find(code);
                        return fresh.equals(kept) ? kept : fresh;
                    }
                });
        CaffeineCacheMetrics.monitor(registry, cache, "qr.code-lookup");
    }

    /** Any code, active or revoked; empty for malformed or unknown tokens. */
    public Optional<ContactCode> find(String code) {
        if (!CodeGenerator.wellFormed(code)) {
            return Optional.empty();
        }
        return cache.get(code);
    }

    public void invalidate(String code) {
        cache.invalidate(code);
    }
}
