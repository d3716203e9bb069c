package cn.mashang.visit;

import cn.mashang.common.Times;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The visit rows (V91). */
@Singleton
class VisitStore {
    private static final String COLUMNS = "v.id, v.deputy_id, v.station_id, v.visit_date, v.place, v.residents, v.topics, "
            + "(SELECT COUNT(*) FROM visit_concern c WHERE c.visit_id = v.id), v.created_at";
    private final JdbcOperations jdbc;

    VisitStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The visit and its links in one transaction. */
    @Transactional
    long insert(long deputyId, long stationId, LocalDate day, String place, int residents, String topics,
                String idemKey, long account, List<Long> concernIds, Instant now) {
        long id = jdbc.execute(conn -> {
            try (var ps = conn.prepareStatement("""
                    INSERT INTO visit (deputy_id, station_id, visit_date, place, residents, topics, idem_key, created_by,
                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, deputyId);
                ps.setLong(2, stationId);
                ps.setObject(3, day);
                ps.setString(4, place);
                ps.setInt(5, residents);
                ps.setString(6, topics);
                ps.setString(7, idemKey);
                ps.setLong(8, account);
                ps.setTimestamp(9, Timestamp.from(now));
                ps.executeUpdate();
                try (var keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        for (long c : concernIds) {
            jdbc.prepareStatement("INSERT INTO visit_concern (visit_id, concern_id) VALUES (?, ?)", ps -> {
                ps.setLong(1, id);
                ps.setLong(2, c);
                return ps.executeUpdate();
            });
        }
        return id;
    }

    @Transactional(readOnly = true)
    Optional<Visit.View> byKey(long account, String idemKey) {
        return views("WHERE v.created_by = ? AND v.idem_key = ?", account, idemKey).stream().findFirst();
    }

    @Transactional(readOnly = true)
    Optional<Visit.View> byId(long id) {
        return views("WHERE v.id = ?", id).stream().findFirst();
    }

    /** The deputy's latest visits. */
    @Transactional(readOnly = true)
    List<Visit.View> ofDeputy(long deputyId) {
        return views("WHERE v.deputy_id = ? ORDER BY v.visit_date DESC, v.id DESC LIMIT 100", deputyId);
    }

    private List<Visit.View> views(String where, Object... args) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM visit v " + where, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Visit.View> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(view(rs));
                }
            }
            return out;
        });
    }

    private static Visit.View view(ResultSet rs) throws SQLException {
        return new Visit.View(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
                rs.getString(5), rs.getInt(6), rs.getString(7), rs.getInt(8), List.of(),
                Times.show(rs.getTimestamp(9).toInstant()));
    }
}
