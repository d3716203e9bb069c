package cn.mashang.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * Each account's active flag and token version, read on every authenticated request and cached briefly
 * (auth.state-cache-seconds) per replica. Changes made here invalidate the local entry at once; other
 * replicas follow within the cache time.
 */
@Singleton
public class AccountStates {
    /** What revocation needs to know about an account. */
    public record State(boolean active, long tokenVersion) {
    }

    private final StaffAccountRepository accounts;
    private final Cache<Long, Optional<State>> cache;

    AccountStates(StaffAccountRepository accounts, AuthConfig config) {
        this.accounts = accounts;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(config.stateCacheSeconds()))
                .maximumSize(100_000)
                .build();
    }

    public Optional<State> get(long accountId) {
        return cache.get(accountId, id -> accounts.findById(id).map(a -> new State(a.active(), a.tokenVersion())));
    }

    /** True when a token of this account with this version may still be used. */
    public boolean accepts(long accountId, long tokenVersion) {
        return get(accountId).map(s -> s.active() && s.tokenVersion() == tokenVersion).orElse(false);
    }

    public void invalidate(long accountId) {
        cache.invalidate(accountId);
    }

    public void invalidateAll() {
        cache.invalidateAll();
    }
}
