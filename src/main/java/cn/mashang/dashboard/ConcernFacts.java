package cn.mashang.dashboard;

import cn.mashang.common.Times;
import cn.mashang.concern.ConcernState;
import cn.mashang.concern.Overdue;
import cn.mashang.sla.SlaClocks;
import cn.mashang.calendar.WorkingCalendar;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a station's concerns created in [from, to) through index ix_concern_station_created (a station has a few
 * hundred a year, so this never scans the table) and reduces each to a {@link ConcernFact}.
 */
@Singleton
class ConcernFacts {
    private static final String SELECT = """
            SELECT c.id, c.tracking_no, c.category, c.state, COALESCE(c.assignee_deputy_id, c.deputy_id) AS deputy_id,
                   c.created_at, c.first_response_at, c.resolved_at, c.closed_at, c.rating, c.reopen_count, c.mobile_masked,
                   c.resolution_due
            FROM concern c WHERE c.station_id = ? AND c.created_at >= ? AND c.created_at < ?""";

    private final JdbcOperations jdbc;
    private final WorkingCalendar calendar;
    private final SlaClocks clocks;

    ConcernFacts(JdbcOperations jdbc, WorkingCalendar calendar, SlaClocks clocks) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clocks = clocks;
    }

    /** The station's name, region id and region path, or empty when unknown. */
    Optional<String[]> station(long stationId) {
        return jdbc.prepareStatement("SELECT s.name, r.id, r.path FROM station s JOIN region r ON r.id = s.region_id WHERE s.id = ?", ps -> {
            ps.setLong(1, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}) : Optional.empty();
            }
        });
    }

    List<ConcernFact> load(long stationId, String regionPath, Instant from, Instant to, Instant now) {
        return load(stationId, regionPath, from, to, null, now);
    }

    /**
     * Like {@link #load(long, String, Instant, Instant, Instant)}, but only the concerns first answered, resolved or
     * closed at or after {@code touchedSince} (null: all) — what an earlier cohort contributes to a period's series.
     */
    List<ConcernFact> load(long stationId, String regionPath, Instant from, Instant to, Instant touchedSince, Instant now) {
        String touched = touchedSince == null ? "" : " AND (c.first_response_at >= ? OR c.resolved_at >= ? OR c.closed_at >= ?)";
        return jdbc.prepareStatement(SELECT + touched + " ORDER BY c.created_at", ps -> {
            ps.setLong(1, stationId);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            if (touchedSince != null) {
                for (int i = 4; i <= 6; i++) {
                    ps.setTimestamp(i, Timestamp.from(touchedSince));
                }
            }
            List<ConcernFact> out = new ArrayList<>();
            Deadlines deadlines = new Deadlines(regionPath);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(fact(rs, deadlines, now));
                }
            }
            return out;
        });
    }

    /**
     * Resolution deadlines of rows written before V11 (not stored yet), computed as {@link cn.mashang.concern.Deadlines}
     * does: the rule per category and the deadline per (day of receipt, days) once per load — the rule lookup and
     * working-day walk per concern were half of a busy station's dashboard time (JFR).
     */
    private final class Deadlines {
        private final String regionPath;
        private final Map<String, Integer> daysByCategory = new HashMap<>();
        private final Map<Long, Instant> byDay = new HashMap<>();

        Deadlines(String regionPath) {
            this.regionPath = regionPath;
        }

        Instant of(String category, Instant created) {
            int days = daysByCategory.computeIfAbsent(category, c -> clocks.rule(regionPath, c).resolutionDays());
            long key = LocalDate.ofInstant(created, Times.ZONE).toEpochDay() * 4096 + days;
            return byDay.computeIfAbsent(key, k -> clocks.resolutionDeadline(regionPath, category, created));
        }
    }

    private ConcernFact fact(ResultSet rs, Deadlines deadlines, Instant now) throws SQLException {
        // columns by position (see SELECT): a label lookup per column per row showed in the profile
        ConcernState state = ConcernState.valueOf(rs.getString(4));
        String category = rs.getString(3);
        Instant created = rs.getTimestamp(6).toInstant();
        Instant firstResponse = instant(rs, 7);
        Instant resolved = instant(rs, 8);
        Instant closed = instant(rs, 9);
        long deputy = rs.getLong(5);
        Long deputyId = rs.wasNull() ? null : deputy;
        boolean rejected = state == ConcernState.REJECTED;
        Instant stored = instant(rs, 13);
        Instant deadline = stored != null ? stored : deadlines.of(category, created);
        Double frDays = !rejected && firstResponse != null ? calendar.workingDaysBetween(created, firstResponse) : null;
        Instant stop = state.isDone() ? (resolved != null ? resolved : closed) : null;
        Double resDays = stop != null ? calendar.workingDaysBetween(created, stop) : null;
        boolean onTime = stop != null && !stop.isAfter(deadline);
        boolean overdue = Overdue.resolution(new Overdue.Due(state, firstResponse, null, null, deadline), now);
        return new ConcernFact(rs.getLong(1), rs.getString(2), category, state.name(), deputyId, created,
                firstResponse, stop, rs.getString(10), rs.getInt(11), rs.getString(12),
                deadline, rejected, frDays, resDays, onTime, overdue);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
