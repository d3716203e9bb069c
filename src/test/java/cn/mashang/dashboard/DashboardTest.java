package cn.mashang.dashboard;

import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.notify.OutboxSender;
import cn.mashang.sla.OverdueJob;
import cn.mashang.common.JobLock;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fixed dataset of eight concerns at one station with known answers (default rule: first response 3, resolution
 * 15 working days, amber 80%), seen at Mon 2026-06-15 10:00 Beijing time. See the comments at each concern.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest implements TestPropertyProvider {
    static final Instant NOW = ConcernFixture.at("2026-06-15T10:00:00");

    HttpServer server;
    final List<String> received = Collections.synchronizedList(new ArrayList<>());

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JdbcOperations jdbc;
    @Inject
    DemoIds ids;
    @Inject
    OverdueJob overdue;
    @Inject
    JobLock lock;
    @Inject
    OutboxSender sender;
    @Inject
    RollupJob rollup;
    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx;

    long station;
    long c3;
    long c6;
    long c7;

    @MockBean(Clock.class)
    Clock clock() {
        return Clock.fixed(NOW, ConcernFixture.CN);
    }

    @Override
    public Map<String, String> getProperties() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
            ex.close();
        });
        server.start();
        // page size 2: the overdue job's escalation tests below walk the fixture's open concerns over several pages
        return Map.of("sla.overdue.page-size", "2", "notify.sender.enabled", "false",
                "notify.wecom.webhooks.ops", "http://127.0.0.1:" + server.getAddress().getPort() + "/cgi-bin/webhook/send?key=k",
                "sla.notify.channel", "WECOM",
                "sla.notify.default-target", "ops");
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    @BeforeAll
    void dataset() {
        tx.executeWrite(status -> {
            insert();
            return null;
        });
    }

    void insert() {
        station = ids.station(DemoIds.QJNY);
        long a = ids.deputy("王建华");
        long b = ids.deputy("高鹏飞");
        ConcernFixture fx = new ConcernFixture(jdbc);
        // C1: response 1.0 wd, resolved in 7.0 wd (deadline Mon Jun 1) → on time; 满意
        fx.concern(station, "2026-05-11T09:00:00").state("CLOSED").assignee(a).firstResponse("2026-05-12T09:00:00")
                .resolved("2026-05-20T09:00:00").closed("2026-05-21T09:00:00").rating("SATISFIED").insert();
        // C2: response 3.0 wd, resolved Jun 5 after its deadline (Tue Jun 2): 18.0 wd, late; not rated
        fx.concern(station, "2026-05-12T09:00:00").state("RESOLVED").assignee(a).firstResponse("2026-05-15T09:00:00")
                .resolved("2026-06-05T09:00:00").insert();
        // C3: response 0.25 wd, resolved, rated 不满意 and reopened: open again, its deadline (Wed Jun 3) is not reset → overdue
        c3 = fx.concern(station, "2026-05-13T09:00:00").state("ACCEPTED").assignee(a).reopens(1)
                .firstResponse("2026-05-13T15:00:00").resolved("2026-05-14T09:00:00").rating("DISSATISFIED").insert();
        // C4: rejected — outside every rate
        fx.concern(station, "2026-05-14T09:00:00").state("REJECTED").firstResponse("2026-05-14T10:00:00").insert();
        // C5: new on Fri Jun 12, first-response deadline Wed Jun 17: green
        fx.concern(station, "2026-06-12T09:00:00").category("停车出行").insert();
        // C6: Tue Jun 9, no response, deadline Fri Jun 12 → red
        c6 = fx.concern(station, "2026-06-09T09:00:00").category("停车出行").insert();
        // C7: Wed Jun 10, deadline Mon Jun 15 end: 73 h used of 87 h (83.9%) → amber
        c7 = fx.concern(station, "2026-06-10T09:00:00").category("停车出行").insert();
        // C8: response 2 h (0.0833 wd), resolved in 1.0 wd, 基本满意
        fx.concern(station, "2026-05-18T09:00:00").state("CLOSED").assignee(b).firstResponse("2026-05-18T11:00:00")
                .resolved("2026-05-19T09:00:00").closed("2026-05-20T09:00:00").rating("BASICALLY_SATISFIED").insert();
    }

    BlockingHttpClient client() {
        return http.toBlocking();
    }

    Map<String, Object> get(String uri, String login) {
        return client().retrieve(HttpRequest.GET(uri).bearerAuth(Logins.token(client(), login)), MAP);
    }

    String dash() {
        return "/api/v1/stations/" + station + "/dashboard?from=2026-05-11&to=2026-06-15";
    }

    @Test
    void theThreeRatesAndTheOnTimeRateFollowTheirFormulasOnTheFixedDataset() {
        Map<String, Object> totals = map(get(dash(), "head-qjny").get("totals"));
        assertEquals(8, ((Number) totals.get("received")).intValue());
        assertEquals(1, ((Number) totals.get("rejected")).intValue());
        assertEquals(7, ((Number) totals.get("handled")).intValue());
        assertEquals(Math.round(4 / 7.0 * 10000) / 10000.0, totals.get("responseRate"));
        assertEquals(Math.round(3 / 7.0 * 10000) / 10000.0, totals.get("resolutionRate"));
        assertEquals(Math.round(2 / 3.0 * 10000) / 10000.0, totals.get("satisfactionRate"));
        // closed on time (C1, C8) ÷ (closed C1, C2, C8 + open overdue C3)
        assertEquals(0.5, totals.get("onTimeRate"));
        assertEquals(1, ((Number) totals.get("openOverdue")).intValue());
    }

    @Test
    void mediansAndP90AreNearestRankInWorkingDays() {
        Map<String, Object> totals = map(get(dash(), "head-qjny").get("totals"));
        Map<String, Object> fr = map(totals.get("firstResponse"));
        Map<String, Object> res = map(totals.get("resolution"));
        assertEquals(4, ((Number) fr.get("n")).intValue());
        assertEquals(0.25, fr.get("median"));
        assertEquals(3.0, fr.get("p90"));
        assertEquals(7.0, res.get("median"));
        assertEquals(18.0, res.get("p90"));
    }

    @Test
    void perDeputyRowsShowCountIntervalAndTheSmallSampleBadge() {
        List<Map<String, Object>> deputies = list(get(dash(), "head-qjny").get("deputies"));
        Map<String, Object> wang = deputies.stream().filter(d -> "王建华".equals(d.get("name"))).findFirst().orElseThrow();
        assertEquals(3, ((Number) map(wang.get("figures")).get("received")).intValue());
        assertEquals(1, ((Number) wang.get("openNow")).intValue());
        assertEquals(true, wang.get("fewSamples"));
        Map<String, Object> ci = map(wang.get("responseCi"));
        // 3 of 3 responded: Wilson 95% [0.4385, 1]
        assertEquals(0.4385, ((Number) ci.get("low")).doubleValue(), 1e-4);
        assertEquals(1.0, ((Number) ci.get("high")).doubleValue(), 1e-9);
        Map<String, Object> none = deputies.stream().filter(d -> d.get("deputyId") == null).findFirst().orElseThrow();
        assertEquals("未分派", none.get("name"));
        assertEquals(3, ((Number) none.get("openNow")).intValue());
    }

    @Test
    void theOverdueBoardListsRedBeforeAmberAndKeepsTheReopenedConcernsOriginalDeadline() {
        List<Map<String, Object>> board = client().retrieve(HttpRequest.GET("/api/v1/stations/" + station + "/overdue")
                .bearerAuth(Logins.token(client(), "liaison-qjny")), cn.mashang.Http.LIST);
        assertEquals(3, board.size());
        assertEquals(List.of("RED", "RED", "AMBER"), board.stream().map(b -> b.get("colour")).toList());
        Map<String, Object> reopened = board.stream().filter(b -> ((Number) b.get("concernId")).longValue() == c3).findFirst().orElseThrow();
        assertEquals("RESOLUTION", reopened.get("segment"));
        assertEquals("2026-06-03T23:59:59.999+08:00", reopened.get("deadline"));
        assertEquals(1, ((Number) reopened.get("reopenCount")).intValue());
        Map<String, Object> amber = board.stream().filter(b -> ((Number) b.get("concernId")).longValue() == c7).findFirst().orElseThrow();
        assertEquals("FIRST_RESPONSE", amber.get("segment"));
        assertEquals("2026-06-15T23:59:59.999+08:00", amber.get("deadline"));
    }

    @Test
    void byStateAndCategoriesCountTheConcernsReceivedInThePeriod() {
        Map<String, Object> d = get(dash(), "head-qjny");
        Map<String, Object> byState = map(d.get("byState"));
        assertEquals(3, ((Number) byState.get("SUBMITTED")).intValue());
        assertEquals(2, ((Number) byState.get("CLOSED")).intValue());
        List<Map<String, Object>> categories = list(d.get("categories"));
        assertEquals("基础设施", categories.get(0).get("category"));
        assertEquals(5, ((Number) map(categories.get(0).get("figures")).get("received")).intValue());
        assertEquals("week", d.get("by"));
        long weeks = list(d.get("series")).stream().mapToLong(p -> ((Number) p.get("received")).longValue()).sum();
        assertEquals(8, weeks);
    }

    @Test
    void theOverdueJobEscalatesOnceAndTheWebhookReceivesEachMessageOnce() throws InterruptedException {
        OverdueJob.Result first = overdue.runOnce(NOW);
        assertTrue(first.ran());
        // C7 amber → deputy; C6 (first response) and C3 (resolution) red → head; C3 red 3+ working days → admin
        assertEquals(4, first.escalated());
        assertEquals(4, sender.runOnce());
        OverdueJob.Result again = overdue.runOnce(NOW.plus(Duration.ofMinutes(5)));
        assertTrue(again.ran());
        assertEquals(0, again.escalated());
        assertEquals(0, sender.runOnce());
        assertEquals(4, received.size());
        assertEquals(4, received.stream().distinct().count());
        assertEquals(1, received.stream().filter(b -> b.contains("即将超期")).count());
        assertEquals(1, received.stream().filter(b -> b.contains("已上报")).count());
        assertEquals(List.of("ADMIN_RED", "HEAD_RED"), levels(c3));
        assertEquals(List.of("HEAD_RED"), levels(c6));
    }

    @Test
    void anotherReplicaHoldingTheLockMeansThisRunDoesNothing() {
        try (var lease = lock.claim("sla-overdue", NOW, Duration.ofMinutes(10)).orElseThrow()) {
            assertFalse(overdue.runOnce(NOW.plusSeconds(1)).ran());
        }
    }

    @Test
    void theRegionRollUpAgreesWithTheStationAndRanksIt() {
        rollup.rebuild(java.time.LocalDate.of(2026, 5, 1), java.time.LocalDate.of(2026, 6, 1), NOW);
        long city = ids.region("吕梁市");
        Map<String, Object> d = get("/api/v1/regions/" + city + "/dashboard?from=2026-05-01&to=2026-06-30", "lvliang-admin");
        Map<String, Object> totals = map(d.get("totals"));
        assertEquals(8, ((Number) totals.get("received")).intValue());
        assertEquals(0.5, totals.get("onTimeRate"));
        assertEquals(Math.round(4 / 7.0 * 10000) / 10000.0, totals.get("responseRate"));
        Map<String, Object> fr = map(totals.get("firstResponse"));
        assertEquals(0.2, fr.get("median")); // 0.25 wd in the 0.1-day bucket [0.2, 0.3)
        assertEquals(3.0, fr.get("p90"));
        assertEquals(7.0, map(totals.get("resolution")).get("median"));
        List<Map<String, Object>> ranking = list(d.get("ranking"));
        assertEquals(1, ranking.size());
        assertEquals(station, ((Number) ranking.get(0).get("stationId")).longValue());
        Map<String, Object> xiaoyi = list(d.get("children")).stream().filter(c -> "孝义市".equals(c.get("name"))).findFirst().orElseThrow();
        assertEquals(8, ((Number) map(xiaoyi.get("figures")).get("received")).intValue());
        assertEquals(2, list(d.get("series")).size());
    }

    @Test
    void aRegionDashboardIsServedFromMemoryUntilTheNextRollUpPassChangesIt() {
        long city = ids.region("吕梁市");
        String uri = "/api/v1/regions/" + city + "/dashboard?from=2026-05-01&to=2026-06-30";
        rollup.rebuild(java.time.LocalDate.of(2026, 5, 1), java.time.LocalDate.of(2026, 6, 1), NOW);
        assertEquals(8, received(get(uri, "lvliang-admin")));
        // the roll-up row changes behind the cache's back: the cached answer stands
        tx.executeWrite(s -> jdbc.prepareStatement("UPDATE dash_region_month SET received = received + 100 WHERE region_id = ? AND category = '*'", ps -> {
            ps.setLong(1, city);
            return ps.executeUpdate();
        }));
        assertEquals(8, received(get(uri, "lvliang-admin")));
        // a concern moves out of the period; the next roll-up pass recomputes and drops the cached answers
        java.sql.Timestamp was = tx.executeRead(s -> jdbc.prepareStatement("SELECT created_at FROM concern WHERE id = ?", ps -> {
            ps.setLong(1, c3);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1);
            }
        }));
        moveConcern(c3, java.sql.Timestamp.from(ConcernFixture.at("2026-04-20T09:00:00")));
        try {
            rollup.rebuild(java.time.LocalDate.of(2026, 4, 1), java.time.LocalDate.of(2026, 6, 1), NOW);
            assertEquals(7, received(get(uri, "lvliang-admin")));
        } finally {
            moveConcern(c3, was);
            rollup.rebuild(java.time.LocalDate.of(2026, 4, 1), java.time.LocalDate.of(2026, 6, 1), NOW);
        }
        assertEquals(8, received(get(uri, "lvliang-admin")));
    }

    private void moveConcern(long id, java.sql.Timestamp createdAt) {
        tx.executeWrite(s -> jdbc.prepareStatement("UPDATE concern SET created_at = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, createdAt);
            ps.setLong(2, id);
            return ps.executeUpdate();
        }));
    }

    private static int received(Map<String, Object> dashboard) {
        return ((Number) map(dashboard.get("totals")).get("received")).intValue();
    }

    @Test
    void csvExportsStartWithAByteOrderMarkAndMaskMobiles() {
        String token = Logins.token(client(), "head-qjny");
        HttpResponse<byte[]> r = client().exchange(HttpRequest.GET("/api/v1/stations/" + station
                + "/dashboard.csv?from=2026-05-11&to=2026-06-15&table=summary").bearerAuth(token), byte[].class);
        String csv = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF对象,收到"), csv);
        assertTrue(csv.contains(",57.1%,42.9%,66.7%,50.0%,"), csv);
        HttpResponse<byte[]> c = client().exchange(HttpRequest.GET("/api/v1/stations/" + station
                + "/concerns.csv?from=2026-05-11&to=2026-06-15").bearerAuth(token), byte[].class);
        String rows = new String(c.body(), StandardCharsets.UTF_8);
        assertEquals(9, rows.split("\r\n").length);
        assertTrue(rows.contains("138****0000"));
        assertTrue(rows.contains("未办结·已超期"));
    }

    @Test
    void outOfScopeStationsAndRegionsAnswer404AndDeputiesAreRefused() {
        String other = Logins.token(client(), "head-shuitou");
        problem(client(), HttpRequest.GET(dash()).bearerAuth(other), 404);
        long xiaoyi = ids.region("孝义市");
        problem(client(), HttpRequest.GET("/api/v1/regions/" + xiaoyi + "/dashboard").bearerAuth(Logins.token(client(), "jiaokou-admin")), 404);
        problem(client(), HttpRequest.GET(dash()).bearerAuth(Logins.token(client(), "13800000001")), 403);
        assertEquals(200, client().exchange(HttpRequest.GET(dash()).bearerAuth(Logins.token(client(), "lvliang-admin")), MAP).code());
    }

    @Test
    void theDashboardCarriesTheCalendarWarningOnlyForAYearWithoutCalendar() {
        assertNull(get(dash(), "head-qjny").get("calendarWarning"));
    }

    @Test
    void theDashboardPagesAreServedAsShellsWithTheirModules() {
        String station = client().retrieve(HttpRequest.GET("/manage/dashboard?station=1"), String.class);
        assertTrue(station.contains("/static/js/manage-dashboard.js") && station.contains("<label for=\"from\">"));
        String region = client().retrieve(HttpRequest.GET("/manage/region?id=1"), String.class);
        assertTrue(region.contains("/static/js/manage-region.js"));
        assertFalse(region.contains("<script>"));
    }

    private List<String> levels(long concernId) {
        return tx.executeRead(status -> jdbc.prepareStatement("SELECT level FROM sla_escalation WHERE concern_id = ? ORDER BY level", ps -> {
            ps.setLong(1, concernId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }));
    }
}
