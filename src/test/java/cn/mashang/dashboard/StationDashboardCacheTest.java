package cn.mashang.dashboard;

import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.concern.Intake;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The station dashboard is kept between the station's changes (StationDashboardCache; the suite's other tests run
 * with it off, as they write fixtures straight into the tables): a read without a change since is the kept one, a
 * concern raised at the station is on the next read, a change at another station keeps it. And the dashboard lists
 * the 20 most urgent board items with the size of the whole board.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationDashboardCacheTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("dashboard.station-cache-ttl", "30s");
    }

    BlockingHttpClient client() {
        return http.toBlocking();
    }

    Map<String, Object> dashboard(long station, String token) {
        return Http.get(client(), "/api/v1/stations/" + station + "/dashboard", token);
    }

    long submitted(Map<String, Object> d) {
        Object n = map(d.get("openByState")).get("SUBMITTED");
        return n == null ? 0 : ((Number) n).longValue();
    }

    String code(long station) {
        return (String) Http.get(client(), "/api/v1/stations/" + station).get("code");
    }

    @Test
    void aReadWithoutAChangeIsTheKeptDashboardAndAConcernRaisedAtTheStationIsOnTheNextRead() {
        long station = ids.station(DemoIds.QJNY);
        String head = Logins.token(client(), "head-qjny");
        var first = dashboard(station, head);
        var again = dashboard(station, head);
        assertEquals(first.get("computedAt"), again.get("computedAt"), "nothing changed: the kept dashboard");
        Intake.submit(client(), Intake.body(code(station), "看板：新反映应在下一次打开看板时出现"));
        var after = dashboard(station, head);
        assertEquals(submitted(first) + 1, submitted(after), "the new concern is open at the station");
    }

    @Test
    void aConcernRaisedAtAnotherStationKeepsThisStationsDashboard() {
        long station = ids.station(DemoIds.HEPING);
        String head = Logins.token(client(), "head-heping");
        var first = dashboard(station, head);
        Intake.submit(client(), Intake.body(code(ids.station(DemoIds.SHUITOU)), "看板：别的联络站的反映"));
        assertEquals(first.get("computedAt"), dashboard(station, head).get("computedAt"));
    }

    @Test
    void theDashboardListsTheTwentyMostUrgentBoardItemsAndCountsTheWholeBoard() {
        long station = ids.station(DemoIds.SHUITOU);
        ConcernFixture fx = new ConcernFixture(jdbc);
        List<Long> made = new java.util.ArrayList<>();
        tx.executeWrite(s -> {
            for (int i = 0; i < 24; i++) {   // months old and never answered: red first-response and resolution clocks
                made.add(fx.concern(station, "2026-03-%02dT09:00:00".formatted(i + 1)).insert());
            }
            return null;
        });
        try {
            urgentFirst(station);
        } finally {   // the suite shares one database: other tests count this station's concerns
            made.forEach(id -> cn.mashang.Db.sql(tx, "DELETE FROM concern WHERE id = ?", id));
        }
    }

    void urgentFirst(long station) {
        String head = Logins.token(client(), "head-shuitou");
        List<Map<String, Object>> board = client().retrieve(HttpRequest.GET("/api/v1/stations/" + station + "/overdue")
                .bearerAuth(head), Http.LIST);
        assertTrue(board.size() >= 48, "two red clocks per fixture concern: " + board.size());
        var d = dashboard(station, head);
        List<Map<String, Object>> top = list(d.get("overdue"));
        assertEquals(20, top.size());
        assertEquals(board.size(), ((Number) d.get("overdueTotal")).intValue());
        assertEquals(board.subList(0, 20).stream().map(b -> b.get("concernId") + "/" + b.get("segment")).toList(),
                top.stream().map(b -> b.get("concernId") + "/" + b.get("segment")).toList(), "the board's first 20, red first");
        assertNotEquals(board.get(0).get("colour"), "AMBER");
    }
}
