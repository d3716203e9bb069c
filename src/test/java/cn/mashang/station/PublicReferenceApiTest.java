package cn.mashang.station;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.mashang.Http.get;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class PublicReferenceApiTest {
    @Inject
    @Client("/")
    HttpClient http;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private long regionId(String name) {
        return findRegion(list(client.retrieve(HttpRequest.GET("/api/v1/regions"), cn.mashang.Http.LIST)), name);
    }

    private static long findRegion(List<Map<String, Object>> nodes, String name) {
        for (Map<String, Object> n : nodes) {
            if (name.equals(n.get("name"))) {
                return ((Number) n.get("id")).longValue();
            }
            long found = findRegion(list(n.get("children")), name);
            if (found > 0) {
                return found;
            }
        }
        return -1;
    }

    @Test
    void regionTreeHasTheProvinceAtTheRootItsCitiesBelowAndTheirCountiesBelowThem() {
        var roots = client.retrieve(HttpRequest.GET("/api/v1/regions"), cn.mashang.Http.LIST);
        assertEquals(1, roots.size());
        assertEquals("山西省", roots.get(0).get("name"));
        assertEquals("PROVINCE", roots.get(0).get("level"));
        var cities = list(roots.get(0).get("children"));
        assertEquals(List.of("吕梁市", "大同市"), cities.stream().map(c -> c.get("name")).sorted(java.util.Comparator.comparing(n -> n.equals("吕梁市") ? 0 : 1)).toList());
        var lvliang = cities.stream().filter(c -> c.get("name").equals("吕梁市")).findFirst().orElseThrow();
        assertEquals("CITY", lvliang.get("level"));
        var counties = list(lvliang.get("children")).stream().map(c -> c.get("name")).toList();
        assertTrue(counties.containsAll(List.of("离石区", "孝义市", "交口县")), counties::toString);
    }

    @Test
    void stationsOfACountyIncludeThoseOfItsTownshipsAndAreCounted() {
        var page = get(client, "/api/v1/stations?region=" + regionId("交口县"));
        var names = list(page.get("items")).stream().map(s -> (String) s.get("name")).toList();
        assertEquals(3, ((Number) page.get("total")).intValue());
        assertTrue(names.contains("交口县水头片区人大代表联络站"), names::toString);
    }

    @Test
    void stationListIsPagedWithTheRequestedSize() {
        var page = get(client, "/api/v1/stations?page=1&size=5");
        assertEquals(20, ((Number) page.get("total")).intValue()); // 吕梁市 16, 大同市 4
        assertEquals(5, list(page.get("items")).size());
        assertEquals(1, page.get("page"));
    }

    @Test
    void oneStationShowsItsCodeAndItsDeputiesWithTheirOwnCodes() {
        var first = list(get(client, "/api/v1/stations?size=1").get("items")).get(0);
        var station = get(client, "/api/v1/stations/" + first.get("id"));
        assertEquals("吕梁市清洁能源基地暨孝义市新型煤化工人大代表联络站", station.get("name"));
        assertEquals("INDUSTRY", station.get("type"));
        assertTrue(((String) station.get("scanUrl")).endsWith("/s/" + station.get("code")));
        var deputies = list(station.get("deputies"));
        assertTrue(deputies.size() >= 3, deputies::toString);
        assertEquals("HEAD", deputies.get(0).get("role"));
        for (var d : deputies) {
            assertNotNull(d.get("code"), d::toString);
            assertTrue(((String) d.get("scanUrl")).contains("/d/"));
        }
    }

    @Test
    void aDeputyInTwoStationsListsBothWithADifferentCodeForEach() {
        var station = get(client, "/api/v1/stations/" + list(get(client, "/api/v1/stations?size=1").get("items")).get(0).get("id"));
        Map<String, Object> twoSeats = null;
        for (var d : list(station.get("deputies"))) {
            var deputy = get(client, "/api/v1/deputies/" + d.get("deputyId"));
            if (list(deputy.get("stations")).size() >= 2) {
                twoSeats = deputy;
            }
        }
        assertNotNull(twoSeats, "the first industry station seats a deputy who is also in another station");
        var seats = list(twoSeats.get("stations"));
        assertTrue(!seats.get(0).get("code").equals(seats.get(1).get("code")));
        assertTrue(((List<?>) twoSeats.get("levels")).size() >= 1);
    }

    @Test
    void unknownStationAnswers404ProblemJsonInChinese() {
        var body = problem(client, HttpRequest.GET("/api/v1/stations/999999"), 404);
        assertEquals("未找到", body.get("title"));
        assertEquals("/api/v1/stations/999999", body.get("instance"));
    }

    @Test
    void unknownDeputyAndUnknownRegionFilterAnswer404() {
        problem(client, HttpRequest.GET("/api/v1/deputies/424242"), 404);
        problem(client, HttpRequest.GET("/api/v1/stations?region=424242"), 404);
    }

    @Test
    void nonNumericIdAnswers400NamingTheParameter() {
        var body = problem(client, HttpRequest.GET("/api/v1/stations/abc"), 400);
        assertTrue(String.valueOf(body.get("detail")).contains("id"), body::toString);
    }

    @Test
    void pageSizeOutOfBoundsAnswers400WithTheFieldName() {
        var body = problem(client, HttpRequest.GET("/api/v1/stations?size=1000"), 400);
        assertEquals("size", map(list(body.get("errors")).get(0)).get("field"));
        problem(client, HttpRequest.GET("/api/v1/stations?page=-1"), 400);
        problem(client, HttpRequest.GET("/api/v1/stations?page=x"), 400);
    }

    @Test
    void unknownPathAnswers404ProblemJsonNot401() {
        problem(client, HttpRequest.GET("/api/v1/no-such-thing"), 404);
    }
}
