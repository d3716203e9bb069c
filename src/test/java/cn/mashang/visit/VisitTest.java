package cn.mashang.visit;

import cn.mashang.Db;
import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.common.Times;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.mashang.Http.list;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 走访 over HTTP (issue 24): a deputy's visit, concerns raised on the spot straight into the queue (channel VISIT). */
@MicronautTest(transactional = false)
class VisitTest {
    static final String DEPUTY = "13800000001";   // 王建华, a deputy of station 清洁能源
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DemoIds ids;
    BlockingHttpClient client;
    long station;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        station = ids.station(DemoIds.QJNY);
    }

    Map<String, Object> visit(long stationId, String place) {
        Map<String, Object> b = new HashMap<>();
        b.put("stationId", stationId);
        b.put("visitDate", LocalDate.now(Times.ZONE).minusDays(1).toString());
        b.put("place", place);
        b.put("residents", 4);
        b.put("topics", "老旧小区改造、停车难");
        b.put("concerns", List.of(
                Map.of("category", "生活环境", "content", "走访：小区单元门禁坏了三个月没人修"),
                Map.of("category", "生活环境", "content", "走访：小区门口夜间乱停车堵住消防通道", "contactName", "李大爷",
                        "mobile", "13912345678", "consent", true)));
        return b;
    }

    static HttpRequest<?> post(String token, Map<String, Object> body, String key) {
        return HttpRequest.POST("/api/v1/visits", body).bearerAuth(token).header("Idempotency-Key", key);
    }

    @Test
    void aVisitPutsTheConcernsRaisedOnTheSpotIntoTheStationQueueWithChannelVisitAndARetryReplays() {
        String token = Logins.token(client, DEPUTY);
        String key = "visit-" + UUID.randomUUID();
        var first = client.exchange(post(token, visit(station, "孝义市新义街道康馨苑小区"), key), Http.MAP);
        assertEquals(201, first.code());
        var v = first.body();
        var answers = list(v.get("concerns"));
        assertEquals(2, answers.size());
        assertEquals(2, ((Number) v.get("concernCount")).intValue());
        for (var a : answers) {
            long id = ((Number) a.get("concernId")).longValue();
            assertEquals("VISIT", Db.text(tx, "SELECT channel FROM concern WHERE id = ?", id));
            assertEquals("SUBMITTED", Db.text(tx, "SELECT state FROM concern WHERE id = ?", id));
            assertEquals(ids.deputy("王建华"), Db.count(tx, "SELECT deputy_id FROM concern WHERE id = ?", id));
            assertTrue(((String) a.get("trackingUrl")).contains("#k="), "the resident's tracking link to hand over");
        }
        var queue = list(Http.get(client, "/api/v1/stations/" + station + "/queue?size=50",
                Logins.token(client, "liaison-qjny")).get("items"));
        assertTrue(queue.stream().anyMatch(i -> answers.get(0).get("trackingNo").equals(i.get("trackingNo"))));

        var again = client.exchange(post(token, visit(station, "孝义市新义街道康馨苑小区"), key), Http.MAP);
        assertEquals(200, again.code());
        assertEquals(v.get("id"), again.body().get("id"));
        assertEquals(answers.get(1).get("trackingNo"), list(again.body().get("concerns")).get(1).get("trackingNo"));
        assertEquals(1, Db.count(tx, "SELECT COUNT(*) FROM visit WHERE idem_key = ?", key));
        assertTrue(client.retrieve(HttpRequest.GET("/api/v1/visits").bearerAuth(token), Http.LIST).stream()
                .anyMatch(i -> v.get("id").equals(i.get("id"))));
    }

    @Test
    void aVisitNeedsItsFieldsAStationOfTheDeputyAndADeputy() {
        String token = Logins.token(client, DEPUTY);
        var p = problem(client, post(token, visit(station, " "), "visit-" + UUID.randomUUID()), 400);
        assertEquals("place", list(p.get("errors")).get(0).get("field"));
        var future = visit(station, "某小区");
        future.put("visitDate", LocalDate.now(Times.ZONE).plusDays(3).toString());
        p = problem(client, post(token, future, "visit-" + UUID.randomUUID()), 400);
        assertEquals("visitDate", list(p.get("errors")).get(0).get("field"));
        problem(client, post(token, visit(ids.station(DemoIds.SHUITOU), "水头村"), "visit-" + UUID.randomUUID()), 404);
        problem(client, post(Logins.token(client, "liaison-qjny"), visit(station, "某小区"), "visit-" + UUID.randomUUID()), 403);
        problem(client, HttpRequest.POST("/api/v1/stations/" + station + "/intake", Map.of("channel", "VISIT",
                "category", "生活环境", "content", "联络员不能登记走访来源")).bearerAuth(Logins.token(client, "liaison-qjny"))
                .header("Idempotency-Key", "visit-" + UUID.randomUUID()), 400);
    }

    @Test
    void aVisitCountsInTheDeputysArchiveAndPoints() {
        String token = Logins.token(client, DEPUTY);
        String path = "/api/v1/deputies/" + ids.deputy("王建华") + "/archive";
        var before = Http.get(client, path, token);
        int visits = ((Number) Http.map(before.get("figures")).get("visitsMade")).intValue();
        int residents = ((Number) Http.map(before.get("figures")).get("visitResidents")).intValue();
        assertEquals(201, client.exchange(post(token, visit(station, "孝义市振兴街道"), "visit-" + UUID.randomUUID())).code());
        var after = Http.get(client, path, token);
        assertEquals(visits + 1, ((Number) Http.map(after.get("figures")).get("visitsMade")).intValue());
        assertEquals(residents + 4, ((Number) Http.map(after.get("figures")).get("visitResidents")).intValue());
        var item = list(after.get("classes")).stream().flatMap(c -> list(c.get("items")).stream())
                .filter(x -> "VISITS_MADE".equals(x.get("key"))).findFirst().orElseThrow();
        assertEquals(new java.math.BigDecimal(2 * (visits + 1)).min(new java.math.BigDecimal(16)).stripTrailingZeros(),
                new java.math.BigDecimal(item.get("points").toString()).stripTrailingZeros(), "2 points a visit, at most 16");
    }
}
