package cn.mashang.dashboard;

import cn.mashang.common.Refreshes;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Region dashboards answered from memory; no request waits for a kept dashboard to be recomputed. The figures only
 * change when {@link RollupJob} recomputes the roll-ups (every minute): after a pass that changed something, the
 * job recomputes every kept dashboard itself ({@link #recomputeAll}), off the request path. Another replica's pass
 * is seen here within {@code dashboard.region-cache-ttl} (default 60 s): an entry older than that is recomputed in
 * the background on its next read, which is still answered from the old one. Entries nobody read for
 * {@code dashboard.region-cache-idle} (15 min) are dropped. Only the first read of a region and period computes in
 * the request — on the 1M-concern bench city the city's dashboard takes ~3.5 s of SQL (2,000 stations' months, a
 * year of referrals for the department ranking): answered in the request at every expiry, that was the region
 * dashboard's p99 at 4 connections.
 */
@Singleton
class RegionDashboardCache {
    private record Key(long regionId, LocalDate fromMonth, LocalDate toMonth, int limit) {
    }

    private final RegionDashboards regions;
    private final LoadingCache<Key, Dtos.RegionDashboard> cache;

    RegionDashboardCache(RegionDashboards regions, @Value("${dashboard.region-cache-ttl:60s}") Duration ttl,
                         @Value("${dashboard.region-cache-idle:15m}") Duration idle,
                         Refreshes executor) {
        this.regions = regions;
        this.cache = Caffeine.newBuilder().maximumSize(200).refreshAfterWrite(ttl).expireAfterAccess(idle)
                .executor(executor).build(this::compute);
    }

    Dtos.RegionDashboard dashboard(long regionId, Period period, int limit) {
        return cache.get(new Key(regionId, period.from().withDayOfMonth(1), period.to().withDayOfMonth(1), limit));
    }

    /** Every kept dashboard recomputed now, in the caller's thread (the roll-up job, after a pass). */
    void recomputeAll() {
        for (Key k : List.copyOf(cache.asMap().keySet())) {
            try {
                cache.put(k, compute(k));
            } catch (RuntimeException e) {   // the region went away: its next read answers what it answers now
                cache.invalidate(k);
            }
        }
    }

    private Dtos.RegionDashboard compute(Key k) {
        return regions.dashboard(k.regionId(), new Period(k.fromMonth(), k.toMonth()), k.limit());
    }
}
