package cn.mashang.region;

import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static cn.mashang.Http.LIST;
import static cn.mashang.Http.MAP;
import static cn.mashang.Http.list;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo province: 山西省 above 吕梁市 and 大同市; province admins see both cities, a city admin only its own. */
@MicronautTest(transactional = false)
class ProvinceTest {
    static final String DATONG_STATION = "平城区水泊寺街道人大代表联络站";
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    RegionRepository regions;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    @Test
    void theRegionTreeHasTheProvinceAtItsRootWithBothCitiesBelow() {
        List<Map<String, Object>> roots = client.retrieve(HttpRequest.GET("/api/v1/regions"), LIST);
        assertEquals(1, roots.size());
        assertEquals("山西省", roots.get(0).get("name"));
        assertEquals("PROVINCE", roots.get(0).get("level"));
        List<Object> cities = list(roots.get(0).get("children")).stream().map(c -> c.get("name")).toList();
        assertTrue(cities.containsAll(List.of("吕梁市", "大同市")), cities::toString);
    }

    @Test
    void everyPathBelowTheProvinceStartsWithItsPathAndEndsWithTheRegionsOwnId() {
        Region province = regions.findById(ids.region("山西省")).orElseThrow();
        StreamSupport.stream(regions.findAll().spliterator(), false).forEach(r -> {
            assertTrue(r.path().startsWith(province.path()), r::toString);
            assertTrue(r.path().endsWith("/" + r.id() + "/"), r::toString);
            if (r.parentId() != null) {
                assertEquals(regions.findById(r.parentId()).orElseThrow().path() + r.id() + "/", r.path());
            }
        });
        assertEquals(province.path() + ids.region("吕梁市") + "/", regions.findById(ids.region("吕梁市")).orElseThrow().path());
    }

    @Test
    void aProvinceAdminSeesTheStationsOfBothCities() {
        String province = Logins.token(client, "shanxi-admin");
        for (long station : new long[]{ids.station(DemoIds.QJNY), ids.station(DATONG_STATION)}) {
            assertEquals(HttpStatus.OK, client.exchange(HttpRequest.GET("/api/v1/stations/" + station + "/dashboard")
                    .bearerAuth(province), MAP).getStatus());
        }
    }

    @Test
    void aCityAdminSeesNothingOfTheOtherCity() {
        problem(client, HttpRequest.GET("/api/v1/stations/" + ids.station(DATONG_STATION) + "/dashboard")
                .bearerAuth(Logins.token(client, "lvliang-admin")), 404);
        problem(client, HttpRequest.GET("/api/v1/regions/" + ids.region("吕梁市") + "/dashboard")
                .bearerAuth(Logins.token(client, "datong-admin")), 404);
        problem(client, HttpRequest.GET("/api/v1/stations/" + ids.station(DemoIds.QJNY) + "/dashboard")
                .bearerAuth(Logins.token(client, "datong-admin")), 404);
    }

    @Test
    void aProvinceAdminCreatesACityUnderTheProvinceAndACityAdminCannot() {
        long province = ids.region("山西省");
        problem(client, HttpRequest.POST("/api/v1/admin/regions", Map.of("parentId", province, "name", "太原市"))
                .bearerAuth(Logins.token(client, "lvliang-admin")), 404);
        Map<String, Object> created = client.retrieve(HttpRequest.POST("/api/v1/admin/regions",
                Map.of("parentId", province, "name", "太原市", "divisionCode", "140100"))
                .bearerAuth(Logins.token(client, "shanxi-admin")), MAP);
        assertEquals("CITY", created.get("level"));
        assertEquals(province, ((Number) created.get("parentId")).longValue());
    }

    @Test
    void noRegionMayBeCreatedAboveTheProvinceLevelBelowIt() {
        problem(client, HttpRequest.POST("/api/v1/admin/regions",
                Map.of("parentId", ids.region("大同市"), "name", "某省", "level", "PROVINCE"))
                .bearerAuth(Logins.token(client, "shanxi-admin")), 400);
    }
}
