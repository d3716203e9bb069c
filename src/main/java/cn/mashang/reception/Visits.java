package cn.mashang.reception;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.station.StationRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Visit records of sessions: the deputies' check-in (进站履职), residents received (checked-in bookings + walk-ins
 * counted by the liaison), concerns collected in person — and the views and station figures built from them.
 */
@Singleton
class Visits {
    private final JdbcOperations jdbc;
    private final DeputyRepository deputies;
    private final StationRepository stations;
    private final ReceptionRepositories.Sessions sessions;
    private final ReceptionTotals totals;

    Visits(JdbcOperations jdbc, DeputyRepository deputies, StationRepository stations,
           ReceptionRepositories.Sessions sessions, ReceptionTotals totals) {
        this.jdbc = jdbc;
        this.deputies = deputies;
        this.stations = stations;
        this.sessions = sessions;
        this.totals = totals;
    }

    public record Duty(long sessionId, long deputyId, boolean onDuty, Instant checkedInAt) {
    }

    @Transactional(readOnly = true)
    public List<Duty> duties(List<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT session_id, deputy_id, on_duty, checked_in_at FROM reception_duty WHERE session_id IN ("
                + marks(sessionIds.size()) + ") ORDER BY session_id, deputy_id", ps -> {
                    bind(ps, sessionIds);
                    List<Duty> out = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Timestamp t = rs.getTimestamp(4);
                            out.add(new Duty(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), t == null ? null : t.toInstant()));
                        }
                    }
                    return out;
                });
    }

    /** Deputy check-in (进站履职) at a session; a deputy not on duty is added. Idempotent. */
    @Transactional
    public boolean checkInDeputy(ReceptionSession s, long deputyId, long byAccount, Instant now) {
        int updated = jdbc.prepareStatement("""
                UPDATE reception_duty SET checked_in_at = ?, checked_in_by = ?
                WHERE session_id = ? AND deputy_id = ? AND checked_in_at IS NULL""", ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setLong(2, byAccount);
                    ps.setLong(3, s.id());
                    ps.setLong(4, deputyId);
                    return ps.executeUpdate();
                });
        if (updated == 1) {
            return true;
        }
        boolean present = jdbc.prepareStatement("SELECT COUNT(*) FROM reception_duty WHERE session_id = ? AND deputy_id = ?",
                ps -> {
                    ps.setLong(1, s.id());
                    ps.setLong(2, deputyId);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1) > 0;
                    }
                });
        if (present) {
            return false;
        }
        jdbc.prepareStatement("""
                INSERT INTO reception_duty (session_id, deputy_id, on_duty, checked_in_at, checked_in_by)
                VALUES (?, ?, FALSE, ?, ?)""", ps -> {
                    ps.setLong(1, s.id());
                    ps.setLong(2, deputyId);
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setLong(4, byAccount);
                    return ps.executeUpdate();
                });
        return true;
    }

    @Transactional
    public int addWalkIns(ReceptionSession s, int delta, Instant now) {
        if (sessions.addWalkIns(s.id(), delta, now) == 0) {
            throw ApiException.conflict("现场接待人数不能小于 0");
        }
        return sessions.findById(s.id()).orElseThrow().walkIns();
    }

    /** Links an in-person concern to its session (same transaction as the concern). */
    public void linkConcern(long sessionId, long concernId) {
        jdbc.prepareStatement("INSERT INTO reception_concern (session_id, concern_id) VALUES (?, ?)", ps -> {
            ps.setLong(1, sessionId);
            ps.setLong(2, concernId);
            return ps.executeUpdate();
        });
    }

    private Map<Long, long[]> counts(List<Long> ids) {
        Map<Long, long[]> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        // [checked-in bookings, concerns collected]
        jdbc.prepareStatement("SELECT session_id, COUNT(*) FROM reception_booking WHERE status = 'CHECKED_IN' AND session_id IN ("
                + marks(ids.size()) + ") GROUP BY session_id", ps -> {
                    bind(ps, ids);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.computeIfAbsent(rs.getLong(1), k -> new long[2])[0] = rs.getLong(2);
                        }
                    }
                    return null;
                });
        jdbc.prepareStatement("SELECT session_id, COUNT(*) FROM reception_concern WHERE session_id IN ("
                + marks(ids.size()) + ") GROUP BY session_id", ps -> {
                    bind(ps, ids);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.computeIfAbsent(rs.getLong(1), k -> new long[2])[1] = rs.getLong(2);
                        }
                    }
                    return null;
                });
        return out;
    }

    /** Views of sessions; {@code staff} adds the check-ins and visit figures. */
    @Transactional(readOnly = true)
    public List<ReceptionDtos.SessionView> views(List<ReceptionSession> list, boolean staff) {
        List<Long> ids = list.stream().map(ReceptionSession::id).toList();
        List<Duty> duty = duties(ids);
        Map<Long, String> names = deputies.findByIdIn(duty.stream().map(Duty::deputyId).distinct().toList()).stream()
                .collect(Collectors.toMap(Deputy::id, Deputy::name));
        Map<Long, String> stationNames = new HashMap<>();
        Map<Long, long[]> counts = staff ? counts(ids) : Map.of();
        Function<Long, String> stationName = id -> stationNames.computeIfAbsent(id,
                k -> stations.findById(k).map(st -> st.name()).orElse(""));
        List<ReceptionDtos.SessionView> out = new ArrayList<>();
        for (ReceptionSession s : list) {
            List<ReceptionDtos.DutyView> d = duty.stream().filter(x -> x.sessionId() == s.id())
                    .filter(x -> staff || x.onDuty())
                    .map(x -> new ReceptionDtos.DutyView(x.deputyId(), names.getOrDefault(x.deputyId(), ""), x.onDuty(),
                            staff ? Times.show(x.checkedInAt()) : null))
                    .toList();
            long[] c = counts.getOrDefault(s.id(), new long[2]);
            int checkedIn = (int) c[0];
            out.add(new ReceptionDtos.SessionView(s.id(), s.stationId(), stationName.apply(s.stationId()), s.ruleId(),
                    s.sessionDate(), s.nominalDate(), !s.sessionDate().equals(s.nominalDate()), Times.show(s.startsAt()),
                    Times.show(s.endsAt()), s.place(), s.title(), s.capacity(), s.booked(),
                    Math.max(0, s.capacity() - s.booked()), s.status().name(), d,
                    staff ? s.walkIns() : null, staff ? checkedIn : null, staff ? checkedIn + s.walkIns() : null,
                    staff ? (int) c[1] : null,
                    staff ? (int) duty.stream().filter(x -> x.sessionId() == s.id() && x.checkedInAt() != null).count() : null));
        }
        return out;
    }

    /** A station's figures for sessions dated in [from, to] ({@link ReceptionTotals} defines them). */
    public ReceptionDtos.Figures figures(long stationId, LocalDate from, LocalDate to) {
        ReceptionTotals.Counts c = totals.station(stationId, from, to);
        return new ReceptionDtos.Figures(stationId, from, to, c.sessionsHeld(), c.deputyVisits(), c.residentsReceived(),
                c.bookings(), c.checkedInBookings(), c.walkIns(), c.concernsCollected());
    }

    static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    static void bind(PreparedStatement ps, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 1, ids.get(i));
        }
    }
}
