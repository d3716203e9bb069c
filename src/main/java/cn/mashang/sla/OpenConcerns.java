package cn.mashang.sla;

import cn.mashang.concern.ConcernState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads open concerns ({@link ConcernState#OPEN}) with what their clocks need: of one station (the overdue
 * board; index ix_concern_station_queue) or of the whole city (the overdue job; index ix_concern_state_created).
 * Department clocks take their start from the latest REFERRED/EXTENDED event.
 */
@Singleton
public class OpenConcerns {
    private static final String COLUMNS = """
            SELECT c.id, c.tracking_no, c.station_id, s.name AS station_name, r.path, c.category, c.state, c.created_at,
                   c.first_response_at, c.department_deadline, c.resolved_at, c.rated_at, c.closed_at,
                   COALESCE(c.assignee_deputy_id, c.deputy_id) AS deputy_id, d.name AS deputy_name, c.reopen_count,
                   c.first_response_due, c.resolution_due, c.feedback_due, c.sign_due, c.signed_at
            """;
    private static final String JOINS = """
             JOIN station s ON s.id = c.station_id JOIN region r ON r.id = c.region_id
            LEFT JOIN deputy d ON d.id = COALESCE(c.assignee_deputy_id, c.deputy_id)""";
    private static final String BASE = COLUMNS + "FROM concern c" + JOINS;
    private static final String SELECT = BASE + " WHERE c.state IN " + ConcernState.sql(ConcernState.OPEN);

    /** An open concern and its clock facts. */
    public record Open(ClockFacts facts, String trackingNo, long stationId, String stationName,
                       @Nullable Long deputyId, @Nullable String deputyName, int reopenCount) {
    }

    private final JdbcOperations jdbc;

    OpenConcerns(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public List<Open> ofStation(long stationId) {
        return load(SELECT + " AND c.station_id = ? ORDER BY c.created_at", ps -> ps.setLong(1, stationId));
    }

    /**
     * Open concerns with an id above {@code afterId}, in id order, at most {@code limit}: the overdue job walks the
     * city page by page (a city of a million concerns has ~160,000 open ones; read at once they filled a 192 MB heap).
     */
    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public List<Open> page(long afterId, int limit) {
        return load(SELECT + " AND c.id > ? ORDER BY c.id LIMIT " + limit, ps -> ps.setLong(1, afterId));
    }

    /**
     * Concerns the overdue job must look at now (any state; index ix_concern_sla_check): never looked at, or a clock
     * may have changed colour since ({@code sla_check_at <= now}). The job moves each one past {@code now}.
     */
    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public List<Open> due(Instant now, int limit) {
        // the page's ids first, from ix_concern_sla_check alone: joined in one query, MariaDB walked the stations and
        // sorted the city's due concerns for every page (seconds per page on the 1M bench city; 11 ms this way)
        return load(COLUMNS + "FROM (SELECT id FROM concern WHERE sla_check_at IS NULL OR sla_check_at <= ? "
                        + "ORDER BY sla_check_at, id LIMIT " + limit + ") due JOIN concern c ON c.id = due.id" + JOINS
                        + " ORDER BY c.sla_check_at, c.id",
                ps -> ps.setTimestamp(1, Timestamp.from(now)));
    }

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Open> load(String sql, Binder binder) {
        List<Open> rows = jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            List<Open> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long deputy = rs.getLong("deputy_id");
                    Long deputyId = rs.wasNull() ? null : deputy;
                    ClockFacts f = new ClockFacts(rs.getLong("id"), rs.getString("path"), rs.getString("category"),
                            rs.getString("state"), instant(rs, "created_at"), instant(rs, "first_response_at"), null,
                            instant(rs, "department_deadline"), null, instant(rs, "resolved_at"), instant(rs, "rated_at"),
                            instant(rs, "closed_at"), instant(rs, "first_response_due"), instant(rs, "resolution_due"),
                            instant(rs, "feedback_due"), instant(rs, "sign_due"), instant(rs, "signed_at"));
                    out.add(new Open(f, rs.getString("tracking_no"), rs.getLong("station_id"), rs.getString("station_name"),
                            deputyId, rs.getString("deputy_name"), rs.getInt("reopen_count")));
                }
            }
            return out;
        });
        return withDepartmentStarts(rows);
    }

    /** Fills referredAt / departmentAnsweredAt for the concerns with a department deadline. */
    private List<Open> withDepartmentStarts(List<Open> rows) {
        List<Long> ids = rows.stream().filter(o -> o.facts().departmentDeadline() != null).map(o -> o.facts().concernId()).toList();
        if (ids.isEmpty()) {
            return rows;
        }
        Map<Long, Instant[]> times = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", chunk.stream().map(x -> "?").toList());
            jdbc.prepareStatement("SELECT concern_id, type, MAX(created_at) FROM concern_event WHERE concern_id IN (" + marks
                    + ") AND type IN ('REFERRED','EXTENDED','DEPARTMENT_ANSWERED') GROUP BY concern_id, type", ps -> {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant[] t = times.computeIfAbsent(rs.getLong(1), k -> new Instant[2]);
                        Instant at = rs.getTimestamp(3).toInstant();
                        int slot = "DEPARTMENT_ANSWERED".equals(rs.getString(2)) ? 1 : 0;
                        if (t[slot] == null || at.isAfter(t[slot])) {
                            t[slot] = at;
                        }
                    }
                }
                return null;
            });
        }
        List<Open> out = new ArrayList<>(rows.size());
        for (Open o : rows) {
            Instant[] t = times.get(o.facts().concernId());
            if (t == null) {
                out.add(o);
                continue;
            }
            ClockFacts f = o.facts();
            out.add(new Open(f.withDepartment(t[0], t[1]),
                    o.trackingNo(), o.stationId(), o.stationName(), o.deputyId(), o.deputyName(), o.reopenCount()));
        }
        return out;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
