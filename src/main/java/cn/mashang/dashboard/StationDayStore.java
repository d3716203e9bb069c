package cn.mashang.dashboard;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/** The SQL of the station-day aggregates (V100): which days are fresh, their rows and flows, writing a built day. */
@Singleton
class StationDayStore {
    private static final String ROW_COLS = "received, rejected, responded, resolved, rated, satisfied, on_time, fr_n, fr_ms, res_n, res_ms, fr_hist, res_hist, states";

    private final JdbcOperations jdbc;

    StationDayStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks a station-day dirty for one concern event (joins the event's transaction). */
    void mark(long stationId, LocalDate day, long eventId) {
        jdbc.prepareStatement("INSERT IGNORE INTO dash_day_dirty (station_id, stat_day, event_id) VALUES (?, ?, ?)", ps -> {
            ps.setLong(1, stationId);
            ps.setDate(2, Date.valueOf(day));
            ps.setLong(3, eventId);
            return ps.executeUpdate();
        });
    }

    /** The days in [from, to] whose aggregate is built and has no dirty mark left. */
    Set<LocalDate> fresh(long stationId, LocalDate from, LocalDate to) {
        Set<LocalDate> built = days("SELECT stat_day FROM dash_day WHERE station_id = ? AND stat_day BETWEEN ? AND ?", stationId, from, to);
        if (!built.isEmpty()) {
            built.removeAll(days("SELECT DISTINCT stat_day FROM dash_day_dirty WHERE station_id = ? AND stat_day BETWEEN ? AND ?", stationId, from, to));
        }
        return built;
    }

    private Set<LocalDate> days(String sql, long stationId, LocalDate from, LocalDate to) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, stationId);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            Set<LocalDate> out = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getDate(1).toLocalDate());
                }
            }
            return out;
        });
    }

    /** The stored aggregates of the given days in [from, to]. */
    Map<LocalDate, StationDay> load(long stationId, LocalDate from, LocalDate to, Set<LocalDate> only) {
        Map<LocalDate, StationDay> out = new HashMap<>();
        jdbc.prepareStatement("SELECT stat_day, dim_key, " + ROW_COLS + " FROM dash_station_day WHERE station_id = ? AND stat_day BETWEEN ? AND ?", ps -> {
            ps.setLong(1, stationId);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = rs.getDate(1).toLocalDate();
                    if (!only.contains(day)) {
                        continue;
                    }
                    StationDay d = out.computeIfAbsent(day, k -> new StationDay());
                    Tally t = d.row(rs.getString(2));
                    t.received = rs.getLong(3);
                    t.rejected = rs.getLong(4);
                    t.responded = rs.getLong(5);
                    t.resolved = rs.getLong(6);
                    t.rated = rs.getLong(7);
                    t.satisfied = rs.getLong(8);
                    t.onTime = rs.getLong(9);
                    t.frN = rs.getLong(10);
                    t.frMs = rs.getLong(11);
                    t.frSum = t.frMs / Tally.DAY_MILLIS;
                    t.resN = rs.getLong(12);
                    t.resMs = rs.getLong(13);
                    t.resSum = t.resMs / Tally.DAY_MILLIS;
                    StationDay.decodeInto(rs.getString(14), t.frCenti);
                    StationDay.decodeInto(rs.getString(15), t.resCenti);
                    StationDay.decodeStates(rs.getString(16), d.states);
                }
            }
            return null;
        });
        return out;
    }

    /** Answered / resolved per event day in [from, to] of the concerns received on the given days. */
    NavigableMap<LocalDate, long[]> flows(long stationId, LocalDate from, LocalDate to, Set<LocalDate> createdOn) {
        NavigableMap<LocalDate, long[]> out = new TreeMap<>();
        jdbc.prepareStatement("SELECT event_day, created_day, answered, resolved FROM dash_station_flow WHERE station_id = ? AND event_day BETWEEN ? AND ?", ps -> {
            ps.setLong(1, stationId);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (createdOn.contains(rs.getDate(2).toLocalDate())) {
                        long[] c = out.computeIfAbsent(rs.getDate(1).toLocalDate(), k -> new long[2]);
                        c[0] += rs.getLong(3);
                        c[1] += rs.getLong(4);
                    }
                }
            }
            return null;
        });
        return out;
    }

    /** Replaces a station-day's rows and flows by {@code day} and records it as built (the caller's transaction). */
    void write(long stationId, LocalDate day, StationDay agg, Instant now) {
        Date d = Date.valueOf(day);
        for (String sql : new String[]{"DELETE FROM dash_station_day WHERE station_id = ? AND stat_day = ?",
                "DELETE FROM dash_station_flow WHERE station_id = ? AND created_day = ?",
                "DELETE FROM dash_day WHERE station_id = ? AND stat_day = ?"}) {
            jdbc.prepareStatement(sql, ps -> {
                ps.setLong(1, stationId);
                ps.setDate(2, d);
                return ps.executeUpdate();
            });
        }
        if (!agg.rows.isEmpty()) {
            jdbc.prepareStatement("INSERT INTO dash_station_day (station_id, stat_day, dim_key, " + ROW_COLS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                for (var e : agg.rows.entrySet()) {
                    Tally t = e.getValue();
                    ps.setLong(1, stationId);
                    ps.setDate(2, d);
                    ps.setString(3, e.getKey());
                    long[] ints = {t.received, t.rejected, t.responded, t.resolved, t.rated, t.satisfied, t.onTime, t.frN, t.frMs, t.resN, t.resMs};
                    for (int i = 0; i < ints.length; i++) {
                        ps.setLong(4 + i, ints[i]);
                    }
                    ps.setString(15, StationDay.encode(t.frCenti));
                    ps.setString(16, StationDay.encode(t.resCenti));
                    ps.setString(17, e.getKey().equals(StationDay.ALL) ? StationDay.encode(agg.states) : null);
                    ps.addBatch();
                }
                return ps.executeBatch();
            });
        }
        if (!agg.flows.isEmpty()) {
            jdbc.prepareStatement("INSERT INTO dash_station_flow (station_id, event_day, created_day, answered, resolved) VALUES (?, ?, ?, ?, ?)", ps -> {
                for (var e : agg.flows.entrySet()) {
                    ps.setLong(1, stationId);
                    ps.setDate(2, Date.valueOf(e.getKey()));
                    ps.setDate(3, d);
                    ps.setLong(4, e.getValue()[0]);
                    ps.setLong(5, e.getValue()[1]);
                    ps.addBatch();
                }
                return ps.executeBatch();
            });
        }
        jdbc.prepareStatement("INSERT INTO dash_day (station_id, stat_day, built_at) VALUES (?, ?, ?)", ps -> {
            ps.setLong(1, stationId);
            ps.setDate(2, d);
            ps.setTimestamp(3, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }
}
