package cn.mashang.dashboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Region dashboards answered from memory between roll-up passes. The figures only change when {@link RollupJob}
 * recomputes the roll-ups (every minute), so this replica drops every entry after each pass that changed
 * something, and entries expire after {@code dashboard.region-cache-ttl} (default 60 s) in any case — which bounds
 * how long another replica's pass stays unseen here. A city dashboard costs ~50 ms of SQL (2,000 stations × the
 * months summed for the ranking); committee members looking at the same city and period share one computation.
 */
@Singleton
class RegionDashboardCache {
    private record Key(long regionId, LocalDate fromMonth, LocalDate toMonth, int limit) {
    }

    private final RegionDashboards regions;
    private final Cache<Key, Dtos.RegionDashboard> cache;

    RegionDashboardCache(RegionDashboards regions, @Value("${dashboard.region-cache-ttl:60s}") Duration ttl) {
        this.regions = regions;
        this.cache = Caffeine.newBuilder().maximumSize(200).expireAfterWrite(ttl).build();
    }

    Dtos.RegionDashboard dashboard(long regionId, Period period, int limit) {
        Key key = new Key(regionId, period.from().withDayOfMonth(1), period.to().withDayOfMonth(1), limit);
        Dtos.RegionDashboard hit = cache.getIfPresent(key);
        if (hit != null) {
            return hit;
        }
        Dtos.RegionDashboard d = regions.dashboard(regionId, period, limit);
        cache.put(key, d);
        return d;
    }

    void invalidateAll() {
        cache.invalidateAll();
    }
}
