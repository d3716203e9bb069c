package cn.mashang.dashboard;

import cn.mashang.common.Times;
import cn.mashang.concern.ConcernChanged;
import cn.mashang.concern.ConcernEventType;
import cn.mashang.sla.SlaBreached;
import cn.mashang.common.JobLock;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the committee roll-ups fresh. Every concern event marks its station-month dirty (in the event's
 * transaction); so does the overdue job when a concern turns red (its "open overdue" count changes without an
 * event). The scheduled run (one replica, lease {@code dash-rollup}) recomputes the dirty station-months, then
 * the affected region-months. Region dashboards are therefore at most one interval (default 1 minute) behind.
 * The same events mark the station-day of the concern ({@link StationDays}); a pass rebuilds those first.
 */
@Singleton
public class RollupJob {
    private static final Logger LOG = LoggerFactory.getLogger(RollupJob.class);
    static final String JOB = "dash-rollup";

    /** @param enabled run on schedule; @param interval fixed delay; @param batch dirty rows per pass */
    @ConfigurationProperties("dashboard.rollup")
    public record Config(@Bindable(defaultValue = "true") boolean enabled,
                         @Bindable(defaultValue = "1m") Duration interval,
                         @Bindable(defaultValue = "10m") Duration lease,
                         @Bindable(defaultValue = "500") int batch) {
    }

    private final Rollup rollup;
    private final JobLock lock;
    private final Config config;
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final RegionDashboardCache regionCache;
    private final StationDays days;
    private final StationDayStore dayStore;
    private volatile LocalDate sealed;

    RollupJob(Rollup rollup, JobLock lock, Config config, JdbcOperations jdbc, Clock clock, RegionDashboardCache regionCache,
              StationDays days, StationDayStore dayStore) {
        this.rollup = rollup;
        this.days = days;
        this.dayStore = dayStore;
        this.lock = lock;
        this.config = config;
        this.jdbc = jdbc;
        this.clock = clock;
        this.regionCache = regionCache;
    }

    @EventListener
    void on(ConcernChanged e) {
        // a new concern: its event time is its created_at
        Instant created = e.type() == ConcernEventType.SUBMITTED ? e.at() : createdAt(e);
        rollup.markDirty(e.stationId(), created);
        dayStore.mark(e.stationId(), StationDay.day(created), e.eventId());
    }

    private Instant createdAt(ConcernChanged e) {
        return jdbc.prepareStatement("SELECT created_at FROM concern WHERE id = ?", ps -> {
            ps.setLong(1, e.concernId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : e.at();
            }
        });
    }

    @EventListener
    void on(SlaBreached e) {
        rollup.markDirty(e.stationId(), e.concernCreatedAt());
    }

    @Scheduled(fixedDelay = "${dashboard.rollup.interval:1m}", initialDelay = "${dashboard.rollup.initial-delay:45s}")
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        try {
            runOnce(clock.instant());
        } catch (RuntimeException ex) {
            LOG.warn("roll-up failed: {}", ex.toString());
        }
    }

    /**
     * Marks every station-month of the months given and recomputes, and rebuilds every station-day of them up to
     * today (after loading data in bulk, or a rule or calendar change).
     */
    public int rebuild(LocalDate fromMonth, LocalDate toMonth, Instant now) {
        LocalDate today = StationDay.day(now);
        LocalDate last = toMonth.plusMonths(1).minusDays(1);
        days.rebuildAll(fromMonth, last.isAfter(today) ? today : last, now);
        rollup.markAll(fromMonth, toMonth);
        return runOnce(now);
    }

    /**
     * Rebuilds the dirty station-days (so a station dashboard reads at most one interval of concerns, the days
     * changed since), and once a day records yesterday as built for the stations that received nothing.
     */
    private int stationDays(Instant now) {
        int n = 0;
        long budget = System.nanoTime() + config.lease().toNanos() / 2;
        while (true) {
            List<StationDays.Dirty> dirty = days.dirty(config.batch());
            int marks = 0;
            for (StationDays.Dirty d : dirty) {
                days.rebuild(d, now);
                marks += d.events().size();
                n++;
            }
            // a batch is `batch` marks, grouped into fewer days: comparing the days with the batch ended every pass
            // after one batch (the 173,353 marks of a mass escalation would have taken hours of passes); a pass
            // stops at half its lease, the next one goes on
            if (marks < config.batch() || System.nanoTime() > budget) {
                break;
            }
        }
        LocalDate yesterday = StationDay.day(now).minusDays(1);
        if (!yesterday.equals(sealed)) {
            days.seal(yesterday, now);
            sealed = yesterday;
        }
        return n;
    }

    /** Recomputes everything dirty at {@code now}; returns the number of station-months done (−1: another replica runs it). */
    public int runOnce(Instant now) {
        var claimed = lock.claim(JOB, now, config.lease());
        if (claimed.isEmpty()) {
            return -1;
        }
        int done = 0;
        try (var lease = claimed.get()) {
            done += stationDays(now);
            while (true) {
                List<Rollup.Dirty> dirty = rollup.takeDirty(config.batch());
                if (dirty.isEmpty()) {
                    break;
                }
                Map<String, LocalDate> regions = new LinkedHashMap<>();
                for (Rollup.Dirty d : dirty) {
                    String path = rollup.recomputeStation(d.stationId(), d.month(), now);
                    done++;
                    if (path != null) {
                        StringBuilder prefix = new StringBuilder("/");
                        for (String id : path.split("/")) {
                            if (!id.isEmpty()) {
                                prefix.append(id).append('/');
                                regions.putIfAbsent(id + "@" + d.month() + "@" + prefix, d.month());
                            }
                        }
                    }
                }
                for (var e : regions.entrySet()) {
                    String[] k = e.getKey().split("@");
                    rollup.recomputeRegion(Long.parseLong(k[0]), k[2], e.getValue());
                }
                if (dirty.size() < config.batch()) {
                    break;
                }
            }
            if (done > 0) {
                regionCache.recomputeAll();
            }
            return done;
        }
    }
}
