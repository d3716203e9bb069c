package cn.mashang.dashboard;

import cn.mashang.sla.ClockFacts;
import cn.mashang.sla.SlaClocks;
import cn.mashang.sla.WorkingCalendar;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads a station's concerns created in [from, to) through index ix_concern_station_created (a station has a few
 * hundred a year, so this never scans the table) and reduces each to a {@link ConcernFact}.
 */
@Singleton
class ConcernFacts {
    private static final String SELECT = """
            SELECT c.id, c.tracking_no, c.category, c.state, COALESCE(c.assignee_deputy_id, c.deputy_id) AS deputy_id,
                   c.created_at, c.first_response_at, c.resolved_at, c.closed_at, c.rating, c.reopen_count, c.mobile_masked
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
        return jdbc.prepareStatement(SELECT + " ORDER BY c.created_at", ps -> {
            ps.setLong(1, stationId);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            List<ConcernFact> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(fact(rs, regionPath, now));
                }
            }
            return out;
        });
    }

    private ConcernFact fact(ResultSet rs, String regionPath, Instant now) throws SQLException {
        String state = rs.getString("state");
        String category = rs.getString("category");
        Instant created = rs.getTimestamp("created_at").toInstant();
        Instant firstResponse = instant(rs, "first_response_at");
        Instant resolved = instant(rs, "resolved_at");
        Instant closed = instant(rs, "closed_at");
        long deputy = rs.getLong("deputy_id");
        Long deputyId = rs.wasNull() ? null : deputy;
        boolean rejected = "REJECTED".equals(state);
        Instant deadline = clocks.resolutionDeadline(regionPath, category, created);
        Double frDays = !rejected && firstResponse != null ? calendar.workingDaysBetween(created, firstResponse) : null;
        Instant stop = ClockFacts.finished(state) ? (resolved != null ? resolved : closed) : null;
        Double resDays = stop != null ? calendar.workingDaysBetween(created, stop) : null;
        boolean onTime = stop != null && !stop.isAfter(deadline);
        boolean overdue = !rejected && stop == null && now.isAfter(deadline);
        return new ConcernFact(rs.getLong("id"), rs.getString("tracking_no"), category, state, deputyId, created,
                firstResponse, stop, rs.getString("rating"), rs.getInt("reopen_count"), rs.getString("mobile_masked"),
                deadline, rejected, frDays, resDays, onTime, overdue);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
