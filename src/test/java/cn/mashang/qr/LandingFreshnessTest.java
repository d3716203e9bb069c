package cn.mashang.qr;

import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A station's landing data is cached for {@code qr.station-view-ttl} (30 s), but an edit made through this
 * replica shows on the next scan: the entity events of Micronaut Data drop the cached station.
 */
@MicronautTest(transactional = false)
class LandingFreshnessTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> tx;
    BlockingHttpClient client;
    long station;
    String code;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        station = ids.station(DemoIds.QJNY);
        code = (String) Http.get(client, "/api/v1/stations/" + station).get("code");
    }

    private Map<String, Object> landing() {
        return map(Http.get(client, "/api/v1/codes/" + code).get("station"));
    }

    private List<Object> deputyIds() {
        return list(landing().get("deputies")).stream().map(d -> (Object) ((Number) d.get("deputyId")).longValue()).toList();
    }

    @Test
    void aHeadsEditOfOpeningHoursShowsOnTheNextScan() {
        landing(); // cached now
        String hours = "周一至周五 9:00-17:00（测试 " + System.nanoTime() + "）";
        Map<String, Object> body = new HashMap<>();
        body.put("address", landing().get("address"));
        body.put("openingHours", hours);
        client.exchange(HttpRequest.PUT("/api/v1/stations/" + station + "/public-info", body)
                .bearerAuth(Logins.token(client, "head-qjny")), Map.class);
        assertEquals(hours, landing().get("openingHours"));
    }

    @Test
    void aDeputyJoiningOrLeavingTheStationShowsOnTheNextScan() {
        long deputy = tx.executeRead(s -> jdbc.prepareStatement("SELECT MIN(id) FROM deputy WHERE active = TRUE AND id NOT IN"
                + " (SELECT deputy_id FROM station_membership WHERE station_id = ? AND active = TRUE)", ps -> {
            ps.setLong(1, station);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
        assertFalse(deputyIds().contains(deputy));
        String admin = Logins.token(client, "lvliang-admin");
        Map<String, Object> joined = client.retrieve(HttpRequest.POST("/api/v1/admin/memberships",
                Map.of("stationId", station, "deputyId", deputy)).bearerAuth(admin), Http.MAP);
        assertTrue(deputyIds().contains(deputy));
        client.exchange(HttpRequest.DELETE("/api/v1/admin/memberships/" + ((Number) joined.get("id")).longValue()).bearerAuth(admin), Map.class);
        assertFalse(deputyIds().contains(deputy));
    }
}
