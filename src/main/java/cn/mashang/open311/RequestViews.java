package cn.mashang.open311;

import cn.mashang.common.Times;
import cn.mashang.concern.ConcernState;
import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.sla.SlaClocks;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Concerns filed through Open311, as GeoReport v2 service requests. {@code service_request_id} is the tracking
 * number. Our states map to {@code closed} (not {@link ConcernState#OPEN}: RESOLVED, CLOSED, REJECTED) or {@code open};
 * {@code status_notes} is the latest public answer of the timeline (reply, department answer, resolution,
 * rejection reason, merge); {@code expected_datetime} is the resolution deadline of the SLA clock;
 * {@code agency_responsible} is the department the concern is referred to, else the station.
 * Anyone may read the status fields; the text fields (status_notes, description, address, location, media_url)
 * are answered only to the client that filed the request (its api_key). No resident contact is ever answered.
 */
@Singleton
class RequestViews {
    /** Open311 {@code closed}: no longer being handled, i.e. not {@link ConcernState#OPEN}. */
    static boolean closed(ConcernState s) {
        return !s.isOpen();
    }
    private static final String ANSWERS = "'REPLIED','DEPARTMENT_ANSWERED','RESOLVED','REJECTED','MERGED'";
    private static final String BASE = """
            SELECT c.id, c.tracking_no, c.station_id, c.category, c.content, c.address, c.state, c.department_id,
            c.created_at, c.updated_at, o.client_id, o.token, o.lat, o.lon, o.address_id, o.media_url, r.path
            FROM open311_request o JOIN concern c ON c.id = o.concern_id JOIN region r ON r.id = c.region_id
            WHERE\s""";

    record Row(long id, String trackingNo, long stationId, String category, String content, @Nullable String address,
               ConcernState state, @Nullable Long departmentId, Instant createdAt, Instant updatedAt, long clientId,
               String token, @Nullable BigDecimal lat, @Nullable BigDecimal lon, @Nullable String addressId,
               @Nullable String mediaUrl, String regionPath) {
    }

    /** A WHERE clause and its parameters (String, Long, Instant). */
    record Filter(String sql, List<Object> params) {
        static Filter of(Jurisdiction j) {
            return j.isStation() ? new Filter("c.station_id = ?", List.of(j.station().id()))
                    : new Filter("r.path LIKE ?", List.of(j.pathPrefix()));
        }

        Filter and(String clause, Collection<?> values) {
            List<Object> p = new ArrayList<>(params);
            p.addAll(values);
            return new Filter(sql + " AND " + clause, p);
        }
    }

    private final JdbcOperations jdbc;
    private final Services services;
    private final SlaClocks clocks;
    private final StationRepository stations;
    private final DepartmentRepository departments;

    RequestViews(JdbcOperations jdbc, Services services, SlaClocks clocks, StationRepository stations,
                 DepartmentRepository departments) {
        this.jdbc = jdbc;
        this.services = services;
        this.clocks = clocks;
        this.stations = stations;
        this.departments = departments;
    }

    @Transactional(readOnly = true)
    List<Row> rows(Filter f, int limit, int offset) {
        String sql = BASE + f.sql() + " ORDER BY o.created_at DESC, o.concern_id DESC LIMIT ? OFFSET ?";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (Object p : f.params()) {
                if (p instanceof Instant at) {
                    ps.setTimestamp(i++, Timestamp.from(at));
                } else {
                    ps.setObject(i++, p);
                }
            }
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        long dept = rs.getLong(8);
        Long departmentId = rs.wasNull() ? null : dept;
        return new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), ConcernState.valueOf(rs.getString(7)), departmentId, rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(), rs.getLong(11), rs.getString(12), rs.getBigDecimal(13),
                rs.getBigDecimal(14), rs.getString(15), rs.getString(16), rs.getString(17));
    }

    /** The answer of GET requests / requests/{id}: the rows in the spec's field order. */
    @Transactional(readOnly = true)
    Doc doc(List<Row> rows, @Nullable ApiClient caller) {
        Map<String, String> codes = services.codesByName();
        Map<Long, String> notes = statusNotes(rows.stream().map(Row::id).toList());
        Map<Long, String> stationNames = new HashMap<>();
        Map<Long, String> departmentNames = new HashMap<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (Row r : rows) {
            boolean own = caller != null && caller.id() == r.clientId();
            boolean closed = closed(r.state());
            Instant expected = r.state() == ConcernState.REJECTED ? null
                    : clocks.resolutionDeadline(r.regionPath(), r.category(), r.createdAt());
            String agency = r.departmentId() != null
                    ? departmentNames.computeIfAbsent(r.departmentId(), id -> departments.findById(id)
                    .map(Department::name).orElse(null))
                    : stationNames.computeIfAbsent(r.stationId(), id -> stations.findById(id).map(Station::name)
                    .orElse(null));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service_request_id", r.trackingNo());
            m.put("status", closed ? "closed" : "open");
            if (own) {
                m.put("status_notes", notes.get(r.id()));
            }
            m.put("service_name", r.category());
            m.put("service_code", codes.get(r.category()));
            if (own) {
                m.put("description", r.content());
            }
            m.put("agency_responsible", agency);
            m.put("service_notice", closed || expected == null ? null : notice(agency, expected));
            m.put("requested_datetime", r.createdAt());
            m.put("updated_datetime", r.updatedAt());
            m.put("expected_datetime", expected);
            if (own) {
                m.put("address", r.address());
                m.put("address_id", r.addressId());
                m.put("zipcode", null);
                m.put("lat", r.lat() == null ? null : r.lat().doubleValue());
                m.put("long", r.lon() == null ? null : r.lon().doubleValue());
                m.put("media_url", r.mediaUrl());
            }
            items.add(m);
        }
        return Doc.list("service_requests", "request", items);
    }

    /** What a POST answers as service_notice: who handles it and by when. */
    @Transactional(readOnly = true)
    String notice(long concernId) {
        List<Row> rows = rows(new Filter("c.id = ?", List.of(concernId)), 1, 0);
        if (rows.isEmpty()) {
            return null;
        }
        Row r = rows.get(0);
        return notice(stations.findById(r.stationId()).map(Station::name).orElse(""),
                clocks.resolutionDeadline(r.regionPath(), r.category(), r.createdAt()));
    }

    private static String notice(String agency, Instant expected) {
        LocalDate day = expected.atZone(Times.ZONE).toLocalDate();
        return "由" + agency + "办理，预计 " + day + " 前办结";
    }

    /** The latest public answer per concern. */
    private Map<Long, String> statusNotes(List<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String in = String.join(",", ids.stream().map(x -> "?").toList());
        return jdbc.prepareStatement("SELECT concern_id, body FROM concern_event WHERE concern_id IN (" + in
                + ") AND is_public = TRUE AND body IS NOT NULL AND type IN (" + ANSWERS + ") ORDER BY concern_id, id", ps -> {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        });
    }
}
