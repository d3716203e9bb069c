package cn.mashang.dashboard;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

/** Writes concerns straight into the table with chosen timestamps (Asia/Shanghai local times). */
final class ConcernFixture {
    static final ZoneId CN = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger SEQ = new AtomicInteger();
    private final JdbcOperations jdbc;

    ConcernFixture(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(CN).toInstant();
    }

    /** A concern builder; call {@link C#insert()}. */
    final class C {
        final long stationId;
        String category = "基础设施";
        String state = "SUBMITTED";
        Instant created;
        Instant firstResponse;
        Instant resolved;
        Instant closed;
        String rating;
        Long assignee;
        int reopens;

        C(long stationId, String created) {
            this.stationId = stationId;
            this.created = at(created);
        }

        C state(String s) { state = s; return this; }
        C category(String c) { category = c; return this; }
        C firstResponse(String t) { firstResponse = at(t); return this; }
        C resolved(String t) { resolved = at(t); return this; }
        C closed(String t) { closed = at(t); return this; }
        C rating(String r) { rating = r; return this; }
        C assignee(long d) { assignee = d; return this; }
        C reopens(int n) { reopens = n; return this; }

        long insert() {
            long region = jdbc.prepareStatement("SELECT region_id FROM station WHERE id = ?", ps -> {
                ps.setLong(1, stationId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            String no = "LT-" + System.nanoTime() % 100000000 + "-" + SEQ.incrementAndGet();
            jdbc.prepareStatement("""
                    INSERT INTO concern (tracking_no, tracking_key_hash, station_id, region_id, channel, category, content,
                      state, assignee_deputy_id, rating, rated_at, reopen_count, first_response_at, resolved_at, closed_at,
                      mobile_masked, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'STATION_CODE', ?, '测试诉求', ?, ?, ?, ?, ?, ?, ?, ?, '138****0000', ?, ?)""", ps -> {
                ps.setString(1, no);
                ps.setString(2, "0".repeat(64));
                ps.setLong(3, stationId);
                ps.setLong(4, region);
                ps.setString(5, category);
                ps.setString(6, state);
                if (assignee == null) {
                    ps.setNull(7, Types.BIGINT);
                } else {
                    ps.setLong(7, assignee);
                }
                ps.setString(8, rating);
                ts(ps, 9, rating == null ? null : (closed != null ? closed : resolved));
                ps.setInt(10, reopens);
                ts(ps, 11, firstResponse);
                ts(ps, 12, resolved);
                ts(ps, 13, closed);
                ps.setTimestamp(14, Timestamp.from(created));
                ps.setTimestamp(15, Timestamp.from(created));
                return ps.executeUpdate();
            });
            return jdbc.prepareStatement("SELECT id FROM concern WHERE tracking_no = ?", ps -> {
                ps.setString(1, no);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
    }

    C concern(long stationId, String createdLocal) {
        return new C(stationId, createdLocal);
    }

    private static void ts(java.sql.PreparedStatement ps, int i, Instant t) throws java.sql.SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(i, Timestamp.from(t));
        }
    }
}
