package cn.mashang.dashboard;

import cn.mashang.common.Times;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committee roll-up tables (V8): per station × month × category (plus category '*' = all) and the same
 * summed per region for every ancestor of the station's region; histograms of first-response and resolution
 * times in 0.1 working-day buckets. A station-month is recomputed from its concerns (the same
 * {@link ConcernFacts}/{@link Tally} code as the live station dashboard, so both agree); a region-month is the
 * sum of its stations' rows. Which station-months to recompute comes from {@code dash_dirty}.
 */
@Singleton
class Rollup {
    static final String ALL = "*";
    static final String COLS = "received, rejected, responded, resolved, rated, satisfied, on_time, open_overdue, fr_n, fr_sum, res_n, res_sum";

    private final JdbcOperations jdbc;
    private final ConcernFacts facts;

    Rollup(JdbcOperations jdbc, ConcernFacts facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    static LocalDate month(Instant t) {
        return t.atZone(Times.ZONE).toLocalDate().withDayOfMonth(1);
    }

    /** Marks the station-month of a concern received at {@code createdAt} for recomputation (joins the caller's transaction). */
    @Transactional
    public void markDirty(long stationId, Instant createdAt) {
        markDirty(stationId, month(createdAt), Times.now());
    }

    void markDirty(long stationId, LocalDate month, Instant now) {
        jdbc.prepareStatement("INSERT IGNORE INTO dash_dirty (station_id, stat_month, marked_at) VALUES (?, ?, ?)", ps -> {
            ps.setLong(1, stationId);
            ps.setDate(2, Date.valueOf(month));
            ps.setTimestamp(3, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    /** Marks every station-month between two months (a full rebuild, e.g. after an SLA rule or calendar change). */
    @Transactional
    public int markAll(LocalDate fromMonth, LocalDate toMonth) {
        List<Long> stations = jdbc.prepareStatement("SELECT id FROM station", ps -> {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
        Instant now = Times.now();
        int n = 0;
        for (LocalDate m = fromMonth.withDayOfMonth(1); !m.isAfter(toMonth); m = m.plusMonths(1)) {
            LocalDate month = m;
            n += jdbc.prepareStatement("INSERT IGNORE INTO dash_dirty (station_id, stat_month, marked_at) VALUES (?, ?, ?)", ps -> {
                for (Long id : stations) {
                    ps.setLong(1, id);
                    ps.setDate(2, Date.valueOf(month));
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            });
        }
        return n;
    }

    /** A dirty station-month. */
    record Dirty(long stationId, LocalDate month) {
    }

    @Transactional
    public List<Dirty> takeDirty(int limit) {
        List<Dirty> out = jdbc.prepareStatement("SELECT station_id, stat_month FROM dash_dirty ORDER BY stat_month, station_id LIMIT " + limit, ps -> {
            List<Dirty> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Dirty(rs.getLong(1), rs.getDate(2).toLocalDate()));
                }
            }
            return rows;
        });
        jdbc.prepareStatement("DELETE FROM dash_dirty WHERE station_id = ? AND stat_month = ?", ps -> {
            for (Dirty d : out) {
                ps.setLong(1, d.stationId());
                ps.setDate(2, Date.valueOf(d.month()));
                ps.addBatch();
            }
            return out.isEmpty() ? null : ps.executeBatch();
        });
        return out;
    }

    /** Recomputes one station-month; returns the station's region path (for the regions to recompute), or null. */
    @Transactional
    public String recomputeStation(long stationId, LocalDate month, Instant now) {
        String[] st = facts.station(stationId).orElse(null);
        if (st == null) {
            return null;
        }
        Instant from = month.atStartOfDay(Times.ZONE).toInstant();
        Instant to = month.plusMonths(1).atStartOfDay(Times.ZONE).toInstant();
        Map<String, Tally> byCategory = new TreeMap<>();
        Tally all = new Tally();
        for (ConcernFact f : facts.load(stationId, st[2], from, to, now)) {
            byCategory.computeIfAbsent(f.category(), k -> new Tally()).add(f);
            all.add(f);
        }
        delete("dash_station_month", "station_id", stationId, month);
        delete("dash_station_hist", "station_id", stationId, month);
        if (all.received == 0) {
            return st[2];
        }
        byCategory.put(ALL, all);
        Timestamp computed = Timestamp.from(now);
        jdbc.prepareStatement("INSERT INTO dash_station_month (station_id, stat_month, category, " + COLS
                + ", computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            for (var e : byCategory.entrySet()) {
                Tally t = e.getValue();
                ps.setLong(1, stationId);
                ps.setDate(2, Date.valueOf(month));
                ps.setString(3, e.getKey());
                long[] ints = {t.received, t.rejected, t.responded, t.resolved, t.rated, t.satisfied, t.onTime, t.openOverdue, t.frN};
                for (int i = 0; i < ints.length; i++) {
                    ps.setLong(4 + i, ints[i]);
                }
                ps.setDouble(13, t.frSum);
                ps.setLong(14, t.resN);
                ps.setDouble(15, t.resSum);
                ps.setTimestamp(16, computed);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        Map<Integer, Long> fr = new TreeMap<>();
        Map<Integer, Long> res = new TreeMap<>();
        all.frTimes.forEach(d -> fr.merge(Tally.bucket(d), 1L, Long::sum));
        all.resTimes.forEach(d -> res.merge(Tally.bucket(d), 1L, Long::sum));
        if (!fr.isEmpty() || !res.isEmpty()) {
            jdbc.prepareStatement("INSERT INTO dash_station_hist (station_id, stat_month, metric, bucket, n) VALUES (?, ?, ?, ?, ?)", ps -> {
                addHist(ps, stationId, month, "FR", fr);
                addHist(ps, stationId, month, "RES", res);
                return ps.executeBatch();
            });
        }
        return st[2];
    }

    private static void addHist(PreparedStatement ps, long id, LocalDate month, String metric, Map<Integer, Long> hist)
            throws java.sql.SQLException {
        for (var e : hist.entrySet()) {
            ps.setLong(1, id);
            ps.setDate(2, Date.valueOf(month));
            ps.setString(3, metric);
            ps.setInt(4, e.getKey());
            ps.setLong(5, e.getValue());
            ps.addBatch();
        }
    }

    /** Recomputes a region-month as the sum of the rows of the stations in the region and below. */
    @Transactional
    public void recomputeRegion(long regionId, String regionPath, LocalDate month) {
        delete("dash_region_month", "region_id", regionId, month);
        delete("dash_region_hist", "region_id", regionId, month);
        String sums = String.join(", ", List.of(COLS.split(", ")).stream().map(c -> "SUM(d." + c + ")").toList());
        jdbc.prepareStatement("INSERT INTO dash_region_month (region_id, stat_month, category, " + COLS + ") SELECT ?, d.stat_month, d.category, "
                + sums + " FROM dash_station_month d JOIN station s ON s.id = d.station_id JOIN region r ON r.id = s.region_id"
                + " WHERE d.stat_month = ? AND r.path LIKE ? GROUP BY d.stat_month, d.category", ps -> {
            ps.setLong(1, regionId);
            ps.setDate(2, Date.valueOf(month));
            ps.setString(3, regionPath + "%");
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO dash_region_hist (region_id, stat_month, metric, bucket, n) SELECT ?, d.stat_month, d.metric, d.bucket, SUM(d.n)"
                + " FROM dash_station_hist d JOIN station s ON s.id = d.station_id JOIN region r ON r.id = s.region_id"
                + " WHERE d.stat_month = ? AND r.path LIKE ? GROUP BY d.stat_month, d.metric, d.bucket", ps -> {
            ps.setLong(1, regionId);
            ps.setDate(2, Date.valueOf(month));
            ps.setString(3, regionPath + "%");
            return ps.executeUpdate();
        });
    }

    private void delete(String table, String key, long id, LocalDate month) {
        jdbc.prepareStatement("DELETE FROM " + table + " WHERE " + key + " = ? AND stat_month = ?", ps -> {
            ps.setLong(1, id);
            ps.setDate(2, Date.valueOf(month));
            return ps.executeUpdate();
        });
    }
}
