package cn.mashang.dashboard;

import cn.mashang.concern.ConcernChanged;
import cn.mashang.sla.SlaInputsChanged;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Station dashboards kept between the station's changes: a read is answered from the kept dashboard of the station
 * and period unless a concern of the station changed since it was computed (any timeline event, seen once its
 * transaction committed — on this replica), an SLA rule or the calendar changed, or it is older than
 * {@code dashboard.station-cache-ttl} (default 30 s: what depends on the clock alone — a clock turning amber or red —
 * and changes made through another replica are on the dashboard within that). A busy station's dashboard merges its
 * days and reads its thousands of open concerns (~0.3–1.3 s at the 1M bench city's busiest); its head and liaisons
 * read it far more often than it changes. {@code 0s} keeps nothing (every read computes).
 */
@Singleton
class StationDashboardCache {
    private record Key(long stationId, LocalDate from, LocalDate to, @Nullable String by) {
    }

    /** A dashboard and the station's change count when its computation began. */
    private record Kept(long changes, Dtos.StationDashboard dashboard) {
    }

    private final StationDashboards stations;
    private final Cache<Key, Kept> cache;
    private final Map<Long, AtomicLong> changes = new ConcurrentHashMap<>();

    StationDashboardCache(StationDashboards stations, @Value("${dashboard.station-cache-ttl:30s}") Duration ttl) {
        this.stations = stations;
        this.cache = ttl.isZero() ? null : Caffeine.newBuilder().maximumSize(200).expireAfterWrite(ttl).build();
    }

    Dtos.StationDashboard dashboard(long stationId, Period period, @Nullable String by, Instant now) {
        if (cache == null) {
            return stations.dashboard(stationId, period, by, now);
        }
        Key key = new Key(stationId, period.from(), period.to(), by);
        long seen = changes(stationId).get();
        Kept kept = cache.getIfPresent(key);
        if (kept != null && kept.changes() == seen) {
            return kept.dashboard();
        }
        // counted before computing: a change committed meanwhile makes this one stale at the next read
        Dtos.StationDashboard d = stations.dashboard(stationId, period, by, now);
        cache.put(key, new Kept(seen, d));
        return d;
    }

    @TransactionalEventListener
    void on(ConcernChanged e) {
        changes(e.stationId()).incrementAndGet();
    }

    @EventListener
    void on(SlaInputsChanged e) {
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    private AtomicLong changes(long stationId) {
        return changes.computeIfAbsent(stationId, k -> new AtomicLong());
    }
}
