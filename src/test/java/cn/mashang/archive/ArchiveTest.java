package cn.mashang.archive;

import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 2025 archive of 曹红梅 (水头) from a dataset inserted directly. 2025 has no calendar loaded, so working days are
 * Monday–Friday. Expected figures, worked out by hand:
 * sessions attended 2 (of 3; the third she missed), residents received (2 checked-in + 4 walk-ins) + (0 + 1) = 7;
 * concerns handled 3 (the 2024 one and the other deputy's excluded); first responses 1.0, 2.0 and 0.25 working days
 * → median 1.00; rated 2, satisfied 1 → 0.5; activities 1 (the draft plan does not count).
 */
@MicronautTest(transactional = false)
class ArchiveTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    TransactionOperations<Connection> tx;

    static boolean loaded;
    long cao;

    private static Timestamp at(String beijing) {
        return Timestamp.from(OffsetDateTime.parse(beijing + "+08:00").toInstant());
    }

    private long insert(String sql, Object... args) {
        return tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.executeUpdate();
                try (var keys = ps.getGeneratedKeys()) {
                    return keys.next() ? keys.getLong(1) : 0L;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long session(long station, String date, int walkIns) {
        Timestamp start = at(date + "T09:00:00");
        return insert("""
                INSERT INTO reception_session (station_id, rule_id, nominal_date, session_date, starts_at, ends_at, capacity,
                booked, walk_ins, status, created_at, updated_at) VALUES (?, NULL, ?, ?, ?, ?, 20, 0, ?, 'SCHEDULED', ?, ?)""",
                station, LocalDate.parse(date), LocalDate.parse(date), start, at(date + "T12:00:00"), walkIns, start, start);
    }

    private void duty(long session, long deputy, String checkedIn) {
        insert("INSERT INTO reception_duty (session_id, deputy_id, on_duty, checked_in_at) VALUES (?, ?, TRUE, ?)",
                session, deputy, checkedIn == null ? null : at(checkedIn));
    }

    private void booking(long session, String code, String status) {
        insert("""
                INSERT INTO reception_booking (session_id, booking_code, device_id, status, created_at)
                VALUES (?, ?, ?, ?, ?)""", session, code, code + "-device", status, at("2025-01-01T00:00:00"));
    }

    private int seq;

    private void concern(long station, long region, long assignee, String state, String created, String firstResponse,
                         String resolved, String rating, String ratedAt) {
        seq++;
        insert("""
                INSERT INTO concern (tracking_no, tracking_key_hash, station_id, region_id, channel, category, content, state,
                assignee_deputy_id, rating, rated_at, first_response_at, resolved_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'STATION_CODE', '其他', '档案测试数据', ?, ?, ?, ?, ?, ?, ?, ?)""",
                "LL-ARCHIVE-" + seq, "0".repeat(64), station, region, state, assignee, rating,
                ratedAt == null ? null : at(ratedAt), firstResponse == null ? null : at(firstResponse),
                resolved == null ? null : at(resolved), at(created), at(created));
    }

    @BeforeEach
    void dataset() {
        cao = ids.deputy("曹红梅");
        if (loaded) {
            return;
        }
        loaded = true;
        long shuitou = ids.station(DemoIds.SHUITOU);
        long region = ids.region("水头镇");
        long other = ids.deputy("董文华");
        long a = session(shuitou, "2025-03-05", 4);
        long b = session(shuitou, "2025-04-07", 1);
        long c = session(shuitou, "2025-05-06", 10);
        long d2024 = session(shuitou, "2024-12-05", 3);
        duty(a, cao, "2025-03-05T08:50:00");
        duty(b, cao, "2025-04-07T09:05:00");
        duty(c, cao, null);
        duty(d2024, cao, "2024-12-05T09:00:00");
        booking(a, "ARCHA001", "CHECKED_IN");
        booking(a, "ARCHA002", "CHECKED_IN");
        booking(a, "ARCHA003", "BOOKED");
        booking(c, "ARCHC001", "CHECKED_IN");
        concern(shuitou, region, cao, "CLOSED", "2025-03-03T09:00:00", "2025-03-04T09:00:00", "2025-03-10T10:00:00",
                "SATISFIED", "2025-03-12T10:00:00");
        concern(shuitou, region, cao, "RESOLVED", "2025-03-07T12:00:00", "2025-03-11T12:00:00", "2025-03-20T10:00:00",
                null, null);
        concern(shuitou, region, cao, "CLOSED", "2025-06-02T10:00:00", "2025-06-02T16:00:00", "2025-06-15T10:00:00",
                "DISSATISFIED", "2025-06-20T10:00:00");
        concern(shuitou, region, cao, "CLOSED", "2024-12-20T10:00:00", "2024-12-23T10:00:00", "2024-12-28T10:00:00",
                "SATISFIED", "2024-12-30T10:00:00");
        concern(shuitou, region, other, "CLOSED", "2025-03-03T09:00:00", "2025-03-03T10:00:00", "2025-03-04T10:00:00",
                "SATISFIED", "2025-03-05T10:00:00");
        concern(shuitou, region, cao, "ACCEPTED", "2025-07-01T10:00:00", null, null, null, null);
        long plan = insert("""
                INSERT INTO activity_plan (station_id, title, form, starts_at, status, created_at, updated_at)
                VALUES (?, '乡村道路调研', 'SURVEY', ?, 'PUBLISHED', ?, ?)""", shuitou, at("2025-05-20T09:00:00"),
                at("2025-05-01T09:00:00"), at("2025-05-01T09:00:00"));
        long draft = insert("""
                INSERT INTO activity_plan (station_id, title, form, starts_at, status, created_at, updated_at)
                VALUES (?, '未发布的座谈', 'SYMPOSIUM', ?, 'DRAFT', ?, ?)""", shuitou, at("2025-06-20T09:00:00"),
                at("2025-05-01T09:00:00"), at("2025-05-01T09:00:00"));
        insert("INSERT INTO activity_participant (plan_id, deputy_id) VALUES (?, ?)", plan, cao);
        insert("INSERT INTO activity_participant (plan_id, deputy_id) VALUES (?, ?)", draft, cao);

        var client = http.toBlocking();
        client.retrieve(Logins.bearer(HttpRequest.PUT("/api/v1/regions/" + ids.region("交口县") + "/points-scheme", Map.of(
                "name", "交口县代表履职积分（测试）", "classes", List.of(
                        Map.of("name", "联系群众", "items", List.of(
                                Map.of("key", "SESSIONS_ATTENDED", "label", "进站接待", "weight", 3),
                                Map.of("key", "RESIDENTS_RECEIVED", "label", "接待群众", "weight", 0.5, "cap", 3))),
                        Map.of("name", "建议办理", "items", List.of(
                                Map.of("key", "CONCERNS_HANDLED", "label", "办结反映", "weight", 2),
                                Map.of("key", "CONCERNS_SATISFIED", "label", "群众满意", "weight", 1))),
                        Map.of("name", "学习培训", "items", List.of(
                                Map.of("key", "TRAINING_ATTENDED", "label", "参加培训", "weight", 2, "cap", 4))),
                        Map.of("name", "参加活动", "items", List.of(
                                Map.of("key", "ACTIVITIES_JOINED", "label", "参加活动", "weight", 2)))))),
                Logins.token(client, "jiaokou-admin")), Http.MAP);
        client.retrieve(Logins.bearer(HttpRequest.POST("/api/v1/deputies/" + cao + "/archive/entries",
                Map.of("year", 2025, "key", "TRAINING_ATTENDED", "quantity", 3, "note", "县人大代表培训班")),
                Logins.token(client, "head-shuitou")), Http.MAP);
    }

    private Map<String, Object> archive(String login) {
        var c = http.toBlocking();
        return c.retrieve(Logins.bearer(HttpRequest.GET("/api/v1/deputies/" + cao + "/archive?year=2025"),
                Logins.token(c, login)), Http.MAP);
    }

    @Test
    void theFiguresOfTheYearComeFromTheDataset() {
        Map<String, Object> f = Http.map(archive("13800000014").get("figures"));
        assertEquals(2, ((Number) f.get("sessionsAttended")).intValue());
        assertEquals(7, ((Number) f.get("residentsReceived")).intValue());
        assertEquals(3, ((Number) f.get("concernsHandled")).intValue());
        assertEquals(1.0, ((Number) f.get("medianResponseDays")).doubleValue());
        assertEquals(2, ((Number) f.get("ratedConcerns")).intValue());
        assertEquals(1, ((Number) f.get("satisfiedConcerns")).intValue());
        assertEquals(0.5, ((Number) f.get("satisfactionRate")).doubleValue());
        assertEquals(1, ((Number) f.get("activitiesJoined")).intValue());
    }

    @Test
    void pointsAreWeightTimesCountCappedPerItemUnderTheCountysScheme() {
        Map<String, Object> a = archive("head-shuitou");
        assertEquals("交口县代表履职积分（测试）", a.get("schemeName"));
        // 联系群众 2×3 + min(7×0.5, 3) = 9; 建议办理 3×2 + 1×1 = 7; 学习培训 min(3×2, 4) = 4; 参加活动 1×2 = 2
        List<Map<String, Object>> classes = Http.list(a.get("classes"));
        assertEquals(List.of(9.0, 7.0, 4.0, 2.0), classes.stream().map(c -> ((Number) c.get("points")).doubleValue()).toList());
        assertEquals(22.0, ((Number) a.get("totalPoints")).doubleValue());
    }

    @Test
    void theArchiveIsVisibleToTheDeputyTheirHeadAndAdminsAboveOnly() {
        archive("lvliang-admin");
        archive("jiaokou-admin");
        var c = http.toBlocking();
        for (String login : new String[]{"head-qjny", "13800000001", "lishi-admin"}) {
            Http.problem(c, Logins.bearer(HttpRequest.GET("/api/v1/deputies/" + cao + "/archive?year=2025"),
                    Logins.token(c, login)), 404);
        }
        Http.problem(c, Logins.bearer(HttpRequest.GET("/api/v1/deputies/" + cao + "/archive?year=2025"),
                Logins.token(c, "liaison-shuitou")), 403);
    }

    @Test
    void theCsvExportHasAByteOrderMarkAndTheTotal() {
        var c = http.toBlocking();
        HttpResponse<String> r = c.exchange(Logins.bearer(HttpRequest.GET("/api/v1/deputies/" + cao
                + "/archive.csv?year=2025"), Logins.token(c, "13800000014")), String.class);
        String body = r.body();
        assertTrue(body.startsWith("\uFEFF代表,曹红梅,年度,2025"), body);
        assertTrue(body.contains("总积分,22"), body);
        assertTrue(body.contains("进站履职（场次）,2\r\n"), body);
        assertTrue(r.header("Content-Disposition").contains("filename*=UTF-8''"), r.header("Content-Disposition"));
    }

    @Test
    void aDeputyWithoutOwnSchemeGetsTheCitysDemoScheme() {
        var c = http.toBlocking();
        Map<String, Object> s = c.retrieve(Logins.bearer(HttpRequest.GET("/api/v1/regions/" + ids.region("离石区")
                + "/points-scheme"), Logins.token(c, "lishi-admin")), Http.MAP);
        assertEquals(List.of("学习培训", "联系群众", "参加活动", "建议办理", "其他"),
                Http.list(s.get("classes")).stream().map(x -> x.get("name")).toList());
    }
}
