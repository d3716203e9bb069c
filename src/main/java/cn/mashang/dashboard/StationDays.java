package cn.mashang.dashboard;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The station-day aggregates of a period, kept current by {@link RollupJob}: every concern event marks the day its
 * concern was received dirty (in the event's transaction); a job pass rebuilds the dirty days from their concerns.
 * A dashboard reads the fresh days' rows and computes the others (dirty, or never built) from their concerns with
 * the same {@link StationDay#add} — so its figures are exact at any moment, and the job's lag (one interval,
 * {@code dashboard.rollup.interval}) only bounds how many concerns a dashboard still reads.
 */
@Singleton
class StationDays {
    private final StationDayStore store;
    private final ConcernFacts facts;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    /** Concern rows the dashboards read for days without a fresh aggregate (tests and benches watch it). */
    final AtomicLong liveRows = new AtomicLong();

    StationDays(StationDayStore store, ConcernFacts facts, JdbcOperations jdbc, TransactionOperations<Connection> tx) {
        this.tx = tx;
        this.store = store;
        this.facts = facts;
        this.jdbc = jdbc;
    }

    /** The cohort of a period by day of receipt, and the flows (event day → answered, resolved) in the period. */
    record Days(Map<LocalDate, StationDay> cohort, NavigableMap<LocalDate, long[]> flows) {
    }

    /** @param lookbackFrom the earliest day of receipt whose answers and resolutions still count in the series */
    Days of(long stationId, String regionPath, LocalDate from, LocalDate to, LocalDate lookbackFrom, Instant now) {
        Set<LocalDate> fresh = store.fresh(stationId, lookbackFrom, to);
        Map<LocalDate, StationDay> cohort = store.load(stationId, from, to, fresh);
        NavigableMap<LocalDate, long[]> flows = store.flows(stationId, from, to, fresh);
        Instant start = from.atStartOfDay(cn.mashang.common.Times.ZONE).toInstant();
        Map<LocalDate, StationDay> live = new HashMap<>();
        forRuns(fresh, from, to, (run) -> live(stationId, regionPath, run[0], run[1], null, now, live));
        cohort.putAll(live);
        forRuns(fresh, lookbackFrom, from.minusDays(1), (run) -> live(stationId, regionPath, run[0], run[1], start, now, live));
        for (StationDay d : live.values()) {
            d.flows.subMap(from, true, to, true).forEach((day, c) -> {
                long[] sum = flows.computeIfAbsent(day, k -> new long[2]);
                sum[0] += c[0];
                sum[1] += c[1];
            });
        }
        return new Days(new TreeMap<>(cohort), flows);
    }

    /** Calls back with each run [first, last] of consecutive days in [from, to] that are not fresh. */
    private static void forRuns(Set<LocalDate> fresh, LocalDate from, LocalDate to, Consumer<LocalDate[]> run) {
        LocalDate start = null;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!fresh.contains(d)) {
                start = start == null ? d : start;
            } else if (start != null) {
                run.accept(new LocalDate[]{start, d.minusDays(1)});
                start = null;
            }
        }
        if (start != null) {
            run.accept(new LocalDate[]{start, to});
        }
    }

    private void live(long stationId, String path, LocalDate first, LocalDate last, Instant touchedSince, Instant now,
                      Map<LocalDate, StationDay> into) {
        Instant a = first.atStartOfDay(cn.mashang.common.Times.ZONE).toInstant();
        Instant b = last.plusDays(1).atStartOfDay(cn.mashang.common.Times.ZONE).toInstant();
        List<ConcernFact> rows = facts.load(stationId, path, a, b, touchedSince, now);
        liveRows.addAndGet(rows.size());
        for (ConcernFact f : rows) {
            into.computeIfAbsent(StationDay.day(f.createdAt()), k -> new StationDay()).add(f);
        }
        // as a built day (which stores none): "open overdue" is as of now, counted from the open set by the dashboard
        into.values().forEach(d -> d.rows.values().forEach(t -> t.openOverdue = 0));
    }

    /** Builds one station-day from its concerns and stores it (the caller's transaction). */
    void build(long stationId, String path, LocalDate day, Instant now) {
        Map<LocalDate, StationDay> one = new HashMap<>();
        Instant a = day.atStartOfDay(cn.mashang.common.Times.ZONE).toInstant();
        Instant b = day.plusDays(1).atStartOfDay(cn.mashang.common.Times.ZONE).toInstant();
        for (ConcernFact f : facts.load(stationId, path, a, b, now)) {
            one.computeIfAbsent(day, k -> new StationDay()).add(f);
        }
        store.write(stationId, day, one.getOrDefault(day, new StationDay()), now);
    }

    /** A dirty station-day and the event marks seen (deleted once the day is rebuilt). */
    record Dirty(long stationId, LocalDate day, List<Long> events) {
    }

    @Transactional(readOnly = true)
    public List<Dirty> dirty(int limit) {
        return jdbc.prepareStatement("SELECT station_id, stat_day, event_id FROM dash_day_dirty ORDER BY station_id, stat_day LIMIT " + limit, ps -> {
            Map<String, Dirty> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long st = rs.getLong(1);
                    LocalDate day = rs.getDate(2).toLocalDate();
                    out.computeIfAbsent(st + "@" + day, k -> new Dirty(st, day, new ArrayList<>())).events().add(rs.getLong(3));
                }
            }
            return new ArrayList<>(out.values());
        });
    }

    /** Rebuilds a dirty day (its marks were read before its concerns, so a later event keeps it dirty). */
    @Transactional
    public void rebuild(Dirty d, Instant now) {
        String[] st = facts.station(d.stationId()).orElse(null);
        if (st != null) {
            build(d.stationId(), st[2], d.day(), now);
        }
        jdbc.prepareStatement("DELETE FROM dash_day_dirty WHERE station_id = ? AND stat_day = ? AND event_id = ?", ps -> {
            for (Long e : d.events()) {
                ps.setLong(1, d.stationId());
                ps.setDate(2, Date.valueOf(d.day()));
                ps.setLong(3, e);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /**
     * Records the days in [from, to] of every station as built from their concerns (after a bulk load, or a rule
     * change), one transaction per station (unless the caller holds one): a 2,000-station city is not one transaction
     * holding every row lock for minutes, and a failure keeps the stations already built.
     */
    public int rebuildAll(LocalDate from, LocalDate to, Instant now) {
        Map<Long, String> stations = tx.executeRead(status -> jdbc.prepareStatement("SELECT s.id, r.path FROM station s JOIN region r ON r.id = s.region_id", ps -> {
            Map<Long, String> out = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        }));
        int n = 0;
        for (var s : stations.entrySet()) {
            n += tx.executeWrite(status -> rebuild(s.getKey(), s.getValue(), from, to, now));
        }
        return n;
    }

    private int rebuild(long station, String path, LocalDate from, LocalDate to, Instant now) {
        Map<LocalDate, StationDay> days = new TreeMap<>();
        Instant a = from.atStartOfDay(cn.mashang.common.Times.ZONE).toInstant();
        Instant b = to.plusDays(1).atStartOfDay(cn.mashang.common.Times.ZONE).toInstant();
        for (ConcernFact f : facts.load(station, path, a, b, now)) {
            days.computeIfAbsent(StationDay.day(f.createdAt()), k -> new StationDay()).add(f);
        }
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            store.write(station, d, days.getOrDefault(d, new StationDay()), now);
            n++;
        }
        return n;
    }

    /** Records {@code day} as built (empty) for every station with no concern received that day and no aggregate yet. */
    @Transactional
    public int seal(LocalDate day, Instant now) {
        return jdbc.prepareStatement("INSERT INTO dash_day (station_id, stat_day, built_at) SELECT s.id, ?, ? FROM station s"
                + " WHERE NOT EXISTS (SELECT 1 FROM dash_day d WHERE d.station_id = s.id AND d.stat_day = ?)"
                + " AND NOT EXISTS (SELECT 1 FROM concern c WHERE c.station_id = s.id AND c.created_at >= ? AND c.created_at < ?)", ps -> {
            ps.setDate(1, Date.valueOf(day));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setDate(3, Date.valueOf(day));
            ps.setTimestamp(4, Timestamp.from(day.atStartOfDay(cn.mashang.common.Times.ZONE).toInstant()));
            ps.setTimestamp(5, Timestamp.from(day.plusDays(1).atStartOfDay(cn.mashang.common.Times.ZONE).toInstant()));
            return ps.executeUpdate();
        });
    }
}
