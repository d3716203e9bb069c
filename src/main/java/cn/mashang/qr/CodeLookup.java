package cn.mashang.qr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Code lookups for the hot path (every scan, every image). Entries live {@link QrConfig#lookupTtl()} (10 min by
 * default); a code revoked on another replica is dropped here by {@link RevocationWatch} within
 * {@link QrConfig#revocationPoll()} (1 s), on the revoking replica {@link #invalidate} drops it at once.
 * Malformed tokens never reach the database.
 */
@Singleton
public class CodeLookup {
    private final CodeDirectory directory;
    private final Cache<String, Optional<ContactCode>> cache;

    CodeLookup(CodeDirectory directory, QrConfig config, MeterRegistry registry) {
        this.directory = directory;
        this.cache = Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(config.lookupTtl()).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, cache, "qr.code-lookup");
    }

    /** Any code, active or revoked; empty for malformed or unknown tokens. */
    public Optional<ContactCode> find(String code) {
        if (!CodeGenerator.wellFormed(code)) {
            return Optional.empty();
        }
        return cache.get(code, directory::find);
    }

    public void invalidate(String code) {
        cache.invalidate(code);
    }
}
