package cn.mashang.dashboard;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Concerns in both cities: the province's region dashboard is the sum of its cities, each city that of its counties. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvinceRollupTest {
    static final String PERIOD = "/dashboard?from=2026-05-01&to=2026-06-30";
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DemoIds ids;
    @Inject
    RollupJob rollup;
    BlockingHttpClient client;

    @BeforeAll
    void dataset() {
        client = http.toBlocking();
        ConcernFixture fx = new ConcernFixture(jdbc);
        tx.executeWrite(s -> {
            long qjny = ids.station(DemoIds.QJNY);
            long shuipo = ids.station("平城区水泊寺街道人大代表联络站");
            long huanghua = ids.station("云州区黄花产业界人大代表联络站");
            fx.concern(qjny, "2026-05-11T09:00:00").insert();
            fx.concern(qjny, "2026-06-02T09:00:00").state("CLOSED").firstResponse("2026-06-03T09:00:00")
                    .resolved("2026-06-05T09:00:00").closed("2026-06-06T09:00:00").insert();
            fx.concern(shuipo, "2026-05-12T09:00:00").insert();
            fx.concern(shuipo, "2026-06-01T09:00:00").category("生活环境").insert();
            fx.concern(huanghua, "2026-06-03T09:00:00").category("企业发展").insert();
            return null;
        });
        rollup.rebuild(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1), ConcernFixture.at("2026-06-15T10:00:00"));
    }

    private long received(String region, String login) {
        Map<String, Object> d = client.retrieve(HttpRequest.GET("/api/v1/regions/" + ids.region(region) + PERIOD)
                .bearerAuth(Logins.token(client, login)), MAP);
        return ((Number) map(d.get("totals")).get("received")).longValue();
    }

    private long child(String region, String child) {
        Map<String, Object> d = client.retrieve(HttpRequest.GET("/api/v1/regions/" + ids.region(region) + PERIOD)
                .bearerAuth(Logins.token(client, "shanxi-admin")), MAP);
        return list(d.get("children")).stream().filter(c -> child.equals(c.get("name")))
                .mapToLong(c -> ((Number) map(c.get("figures")).get("received")).longValue()).sum();
    }

    @Test
    void theProvinceDashboardEqualsTheSumOfItsCities() {
        long lvliang = received("吕梁市", "lvliang-admin");
        long datong = received("大同市", "datong-admin");
        assertEquals(3, datong);
        assertEquals(lvliang + datong, received("山西省", "shanxi-admin"));
        assertEquals(lvliang, child("山西省", "吕梁市"));
        assertEquals(datong, child("山西省", "大同市"));
    }

    @Test
    void aCityDashboardRollsUpItsCounties() {
        assertEquals(2, child("大同市", "平城区"));
        assertEquals(1, child("大同市", "云州区"));
    }
}
