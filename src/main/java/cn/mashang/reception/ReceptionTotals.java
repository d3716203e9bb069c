package cn.mashang.reception;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one definition of reception figures, per station, over the scheduled (not cancelled) sessions dated in a
 * period: sessions held (at least one deputy checked in), deputy visits (进站履职人次: check-ins), residents received
 * (接待群众人次: checked-in bookings + walk-ins), bookings (not cancelled), concerns collected in person. The station
 * figures and the region roll-up ({@link ReceptionRollup}) both read them from here.
 */
@Singleton
class ReceptionTotals {
    private final JdbcOperations jdbc;

    ReceptionTotals(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Counts(int sessionsHeld, int deputyVisits, int bookings, int checkedInBookings, int walkIns,
                  int concernsCollected) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        int residentsReceived() {
            return checkedInBookings + walkIns;
        }

        Counts plus(Counts o) {
            return new Counts(sessionsHeld + o.sessionsHeld, deputyVisits + o.deputyVisits, bookings + o.bookings,
                    checkedInBookings + o.checkedInBookings, walkIns + o.walkIns, concernsCollected + o.concernsCollected);
        }
    }

    /** One station's figures. */
    @Transactional(readOnly = true)
    public Counts station(long stationId, LocalDate from, LocalDate to) {
        return byStation("s.station_id = ?", stationId, from, to).getOrDefault(stationId, Counts.NONE);
    }

    /** The figures of every station under a region path ("/1/4/"), by station id (stations without sessions absent). */
    @Transactional(readOnly = true)
    public Map<Long, Counts> under(String path, LocalDate from, LocalDate to) {
        return byStation("s.station_id IN (SELECT st.id FROM station st JOIN region r ON r.id = st.region_id"
                + " WHERE r.path LIKE ?)", path + "%", from, to);
    }

    private Map<Long, Counts> byStation(String scope, Object value, LocalDate from, LocalDate to) {
        // one row per session with its counts (primary-key lookups), summed per station
        return jdbc.prepareStatement("""
                SELECT x.station_id, SUM(CASE WHEN x.visits > 0 THEN 1 ELSE 0 END), SUM(x.visits), SUM(x.bookings),
                  SUM(x.checked_in), SUM(x.walk_ins), SUM(x.concerns)
                FROM (SELECT s.station_id, s.walk_ins,
                  (SELECT COUNT(*) FROM reception_duty d WHERE d.session_id = s.id AND d.checked_in_at IS NOT NULL) AS visits,
                  (SELECT COUNT(*) FROM reception_booking b WHERE b.session_id = s.id AND b.status <> 'CANCELLED') AS bookings,
                  (SELECT COUNT(*) FROM reception_booking b WHERE b.session_id = s.id AND b.status = 'CHECKED_IN') AS checked_in,
                  (SELECT COUNT(*) FROM reception_concern c WHERE c.session_id = s.id) AS concerns
                  FROM reception_session s
                  WHERE %s AND s.status = 'SCHEDULED' AND s.session_date BETWEEN ? AND ?) x
                GROUP BY x.station_id""".formatted(scope), ps -> {
                    ps.setObject(1, value);
                    ps.setObject(2, from);
                    ps.setObject(3, to);
                    Map<Long, Counts> out = new LinkedHashMap<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getLong(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                                    rs.getInt(6), rs.getInt(7)));
                        }
                    }
                    return out;
                });
    }
}
