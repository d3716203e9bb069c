package cn.mashang.archive;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.concern.ConcernState;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.deputy.Membership;
import cn.mashang.deputy.MembershipRepository;
import cn.mashang.calendar.WorkingCalendar;
import cn.mashang.station.StationRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a deputy's yearly archive from the reception, concern, plan, suggestion (代表建议) and visit (走访) tables,
 * and scores it.
 */
@Singleton
public class ArchiveService {
    private final JdbcOperations jdbc;
    private final DeputyRepository deputies;
    private final MembershipRepository memberships;
    private final StationRepository stations;
    private final PointsSchemes schemes;
    private final WorkingCalendar calendar;

    ArchiveService(JdbcOperations jdbc, DeputyRepository deputies, MembershipRepository memberships,
                   StationRepository stations, PointsSchemes schemes, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.deputies = deputies;
        this.memberships = memberships;
        this.stations = stations;
        this.schemes = schemes;
        this.calendar = calendar;
    }

    @Transactional(readOnly = true)
    public Archive compute(long deputyId, int year) {
        Deputy d = deputies.findById(deputyId).orElseThrow(() -> ApiException.notFound("代表"));
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Instant from = first.atStartOfDay(Times.ZONE).toInstant();
        Instant to = first.plusYears(1).atStartOfDay(Times.ZONE).toInstant();

        int[] visits = jdbc.prepareStatement("""
                SELECT COUNT(*), COALESCE(SUM(s.walk_ins + (SELECT COUNT(*) FROM reception_booking b
                  WHERE b.session_id = s.id AND b.status = 'CHECKED_IN')), 0)
                FROM reception_duty d JOIN reception_session s ON s.id = d.session_id
                WHERE d.deputy_id = ? AND d.checked_in_at IS NOT NULL AND s.status = 'SCHEDULED'
                AND s.session_date BETWEEN ? AND ?""", ps -> {
                    ps.setLong(1, deputyId);
                    ps.setObject(2, first);
                    ps.setObject(3, last);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return new int[]{rs.getInt(1), rs.getInt(2)};
                    }
                });
        int handled = count("SELECT COUNT(*) FROM concern WHERE assignee_deputy_id = ? AND state IN "
                + ConcernState.sql(ConcernState.DONE) + " AND resolved_at >= ? AND resolved_at < ?", deputyId, from, to);
        List<Double> responses = new ArrayList<>();
        jdbc.prepareStatement("""
                SELECT created_at, first_response_at FROM concern WHERE assignee_deputy_id = ?
                AND first_response_at >= ? AND first_response_at < ?""", ps -> {
                    bind(ps, deputyId, from, to);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            responses.add(calendar.workingDaysBetween(rs.getTimestamp(1).toInstant(),
                                    rs.getTimestamp(2).toInstant()));
                        }
                    }
                    return null;
                });
        int rated = count("""
                SELECT COUNT(*) FROM concern WHERE assignee_deputy_id = ? AND rating IS NOT NULL
                AND rated_at >= ? AND rated_at < ?""", deputyId, from, to);
        int satisfied = count("""
                SELECT COUNT(*) FROM concern WHERE assignee_deputy_id = ? AND rating IN ('SATISFIED', 'BASICALLY_SATISFIED')
                AND rated_at >= ? AND rated_at < ?""", deputyId, from, to);
        int activities = count("""
                SELECT COUNT(*) FROM activity_participant p JOIN activity_plan a ON a.id = p.plan_id
                WHERE p.deputy_id = ? AND a.status = 'PUBLISHED' AND a.starts_at >= ? AND a.starts_at < ?""",
                deputyId, from, to);
        int suggestions = count("""
                SELECT COUNT(*) FROM suggestion_deputy d JOIN suggestion s ON s.id = d.suggestion_id
                WHERE d.deputy_id = ? AND s.created_at >= ? AND s.created_at < ?""", deputyId, from, to);
        int suggestionsSatisfied = count("""
                SELECT COUNT(*) FROM suggestion_deputy d JOIN suggestion s ON s.id = d.suggestion_id
                WHERE d.deputy_id = ? AND s.state = 'CLOSED' AND s.rating IN ('SATISFIED', 'BASICALLY_SATISFIED')
                AND s.closed_at >= ? AND s.closed_at < ?""", deputyId, from, to);
        int[] outings = jdbc.prepareStatement("""
                SELECT COUNT(*), COALESCE(SUM(residents), 0) FROM visit WHERE deputy_id = ? AND visit_date BETWEEN ? AND ?""",
                ps -> {
                    ps.setLong(1, deputyId);
                    ps.setObject(2, first);
                    ps.setObject(3, last);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return new int[]{rs.getInt(1), rs.getInt(2)};
                    }
                });
        Archive.Figures f = new Archive.Figures(visits[0], visits[1], handled, median(responses), rated, satisfied,
                rated == 0 ? null : BigDecimal.valueOf(satisfied).divide(BigDecimal.valueOf(rated), 4, RoundingMode.HALF_UP),
                activities, suggestions, suggestionsSatisfied, outings[0], outings[1]);

        Map<String, BigDecimal> counts = new HashMap<>(manual(deputyId, year));
        counts.put("SESSIONS_ATTENDED", BigDecimal.valueOf(f.sessionsAttended()));
        counts.put("RESIDENTS_RECEIVED", BigDecimal.valueOf(f.residentsReceived()));
        counts.put("CONCERNS_HANDLED", BigDecimal.valueOf(f.concernsHandled()));
        counts.put("CONCERNS_SATISFIED", BigDecimal.valueOf(f.satisfiedConcerns()));
        counts.put("ACTIVITIES_JOINED", BigDecimal.valueOf(f.activitiesJoined()));
        counts.put("SUGGESTIONS_SUBMITTED", BigDecimal.valueOf(f.suggestionsSubmitted()));
        counts.put("SUGGESTIONS_SATISFIED", BigDecimal.valueOf(f.suggestionsSatisfied()));
        counts.put("VISITS_MADE", BigDecimal.valueOf(f.visitsMade()));
        counts.put("VISIT_RESIDENTS", BigDecimal.valueOf(f.visitResidents()));

        var scheme = schemes.effective(regionOf(d));
        List<Archive.ClassPoints> classes = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        if (scheme.isPresent()) {
            for (PointsScheme.PointsClass pc : scheme.get().classes()) {
                List<Archive.ItemPoints> items = new ArrayList<>();
                BigDecimal sum = BigDecimal.ZERO;
                for (PointsScheme.Item item : pc.items()) {
                    BigDecimal n = counts.getOrDefault(item.key(), BigDecimal.ZERO);
                    BigDecimal p = n.multiply(item.weight());
                    if (item.cap() != null && p.compareTo(item.cap()) > 0) {
                        p = item.cap();
                    }
                    p = p.setScale(2, RoundingMode.HALF_UP);
                    items.add(new Archive.ItemPoints(item.key(), item.label(), n, item.weight(), item.cap(), p));
                    sum = sum.add(p);
                }
                classes.add(new Archive.ClassPoints(pc.name(), items, sum));
                total = total.add(sum);
            }
        }
        return new Archive(deputyId, d.name(), year, f, scheme.map(PointsScheme::name).orElse(null), classes,
                total.setScale(2, RoundingMode.HALF_UP));
    }

    /** The deputy's home region, else the region of their first active station. */
    Long regionOf(Deputy d) {
        if (d.regionId() != null) {
            return d.regionId();
        }
        return memberships.findByDeputyIdAndActiveTrue(d.id()).stream().map(Membership::stationId).sorted()
                .map(stations::findById).flatMap(java.util.Optional::stream).map(s -> s.regionId()).findFirst()
                .orElse(null);
    }

    private Map<String, BigDecimal> manual(long deputyId, int year) {
        Map<String, BigDecimal> out = new HashMap<>();
        jdbc.prepareStatement("""
                SELECT item_key, SUM(quantity) FROM archive_entry WHERE deputy_id = ? AND entry_year = ? GROUP BY item_key""",
                ps -> {
                    ps.setLong(1, deputyId);
                    ps.setInt(2, year);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), BigDecimal.valueOf(rs.getLong(2)));
                        }
                    }
                    return null;
                });
        return out;
    }

    @Transactional
    public void addEntry(long deputyId, int year, String key, int quantity, String note, long byAccount) {
        jdbc.prepareStatement("""
                INSERT INTO archive_entry (deputy_id, entry_year, item_key, quantity, note, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", ps -> {
                    ps.setLong(1, deputyId);
                    ps.setInt(2, year);
                    ps.setString(3, key);
                    ps.setInt(4, quantity);
                    ps.setString(5, note);
                    ps.setLong(6, byAccount);
                    ps.setTimestamp(7, Timestamp.from(Times.now()));
                    return ps.executeUpdate();
                });
    }

    static BigDecimal median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> v = new ArrayList<>(values);
        v.sort(Double::compare);
        int n = v.size();
        double m = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
        return BigDecimal.valueOf(m).setScale(2, RoundingMode.HALF_UP);
    }

    private int count(String sql, long id, Instant from, Instant to) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, id, from, to);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static void bind(PreparedStatement ps, long id, Instant from, Instant to) throws SQLException {
        ps.setLong(1, id);
        ps.setTimestamp(2, Timestamp.from(from));
        ps.setTimestamp(3, Timestamp.from(to));
    }
}
