package cn.mashang.auth;

import cn.mashang.common.Refreshes;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * Each account's active flag and token version, read on every authenticated request and cached briefly
 * (auth.state-cache-seconds) per replica. Changes made here invalidate the local entry at once; other
 * replicas follow within the cache time: an entry is never older than it, and one past half of it is reloaded in the
 * background at its next read (which is answered from it), so an account in use never waits for the reload.
 */
@Singleton
public class AccountStates {
    /** What revocation needs to know about an account. */
    public record State(boolean active, long tokenVersion) {
    }

    private final StaffAccountRepository accounts;
    private final LoadingCache<Long, Optional<State>> cache;

    AccountStates(StaffAccountRepository accounts, AuthConfig config, Refreshes executor) {
        this.accounts = accounts;
        Duration bound = Duration.ofSeconds(config.stateCacheSeconds());
        this.cache = executor.within(bound).maximumSize(100_000)
                .build(id -> accounts.findById(id).map(a -> new State(a.active(), a.tokenVersion())));
    }

    public Optional<State> get(long accountId) {
        return cache.get(accountId);
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
