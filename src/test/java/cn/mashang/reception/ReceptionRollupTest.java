package cn.mashang.reception;

import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reception figures rolled up station → county → city → province. Today (2026-09-20) the province admin holds a
 * session at stations of 孝义, 交口 (two), 离石 (a community and the county's own industry station) and 大同, checks
 * deputies in and counts walk-ins; every level must be the sum of the level below.
 */
@MicronautTest(transactional = false)
@Property(name = "test.clock", value = "2026-09-20T10:00:00")
class ReceptionRollupTest {
    static final String PERIOD = "from=2026-09-01&to=2026-09-30";
    static final List<String> FIGURES = List.of("sessionsHeld", "deputyVisits", "residentsReceived", "concernsCollected");
    static final String TAOHONGPO = "交口县桃红坡片区人大代表联络站";
    static final String SHUGU = "吕梁市数谷吕梁大数据人大代表联络站";
    static final String DATONG = "平城区水泊寺街道人大代表联络站";
    /** What each seeded station did: [sessions held, deputy visits, residents received, concerns collected]. */
    static final Map<String, List<Integer>> DONE = new java.util.LinkedHashMap<>();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    BlockingHttpClient c;

    @BeforeEach
    void seed() {
        c = http.toBlocking();
        if (!DONE.isEmpty()) {
            return;
        }
        String admin = Logins.token(c, "shanxi-admin");
        int k = 1;
        for (String name : List.of(DemoIds.QJNY, DemoIds.SHUITOU, TAOHONGPO, DemoIds.HEPING, SHUGU, DATONG)) {
            long station = ids.station(name);
            long session = Rx.id(Rx.post(c, admin, "/api/v1/stations/" + station + "/sessions",
                    Map.of("date", "2026-09-20", "startTime", "09:00", "endTime", "11:30")));
            List<Map<String, Object>> deputies = list(Http.get(c, "/api/v1/stations/" + station).get("deputies"));
            int visits = Math.min(k, deputies.size());
            for (Map<String, Object> d : deputies.subList(0, visits)) {
                Rx.post(c, admin, "/api/v1/sessions/" + session + "/attendance", Map.of("deputyId", d.get("deputyId")));
            }
            Rx.post(c, admin, "/api/v1/sessions/" + session + "/walk-ins", Map.of("delta", k + 2));
            DONE.put(name, List.of(visits > 0 ? 1 : 0, visits, k + 2, 0));
            k++;
        }
    }

    private static List<Integer> done(String... stations) {
        return sum(java.util.Arrays.stream(stations).map(DONE::get).toList());
    }

    private Map<String, Object> region(String token, long id) {
        return Rx.get(c, token, "/api/v1/regions/" + id + "/reception-figures?" + PERIOD);
    }

    private static List<Integer> figures(Map<String, Object> row) {
        return FIGURES.stream().map(k -> ((Number) row.get(k)).intValue()).toList();
    }

    private static List<Integer> sum(List<List<Integer>> rows) {
        List<Integer> out = new ArrayList<>(List.of(0, 0, 0, 0));
        for (List<Integer> r : rows) {
            for (int i = 0; i < out.size(); i++) {
                out.set(i, out.get(i) + r.get(i));
            }
        }
        return out;
    }

    private List<Integer> total(String token, String regionName) {
        return figures(map(region(token, ids.region(regionName)).get("total")));
    }

    @Test
    void aCountysFiguresAreTheSumOfItsStations() {
        String admin = Logins.token(c, "jiaokou-admin");
        List<List<Integer>> stations = new ArrayList<>();
        for (Map<String, Object> s : list(Http.get(c, "/api/v1/stations?page=0&size=100&region=" + ids.region("交口县"))
                .get("items"))) {
            stations.add(figures(Rx.get(c, admin, "/api/v1/stations/" + s.get("id") + "/reception-figures?" + PERIOD)));
        }
        assertEquals(3, stations.size());
        assertTrue(done(DemoIds.SHUITOU).get(1) > 0, DONE::toString);
        assertEquals(done(DemoIds.SHUITOU, TAOHONGPO), sum(stations)); // 回龙 held nothing
        assertEquals(sum(stations), total(admin, "交口县"));
    }

    @Test
    void aCitysFiguresAreTheSumOfItsCountiesAndTheCountyStationsSitInTheirOwnRow() {
        String admin = Logins.token(c, "lvliang-admin");
        Map<String, Object> city = region(admin, ids.region("吕梁市"));
        List<List<Integer>> counties = new ArrayList<>();
        for (Map<String, Object> row : list(city.get("children"))) {
            List<Integer> own = total(admin, (String) row.get("name"));
            assertEquals(own, figures(row), () -> row.get("name") + " in the city's table");
            counties.add(own);
        }
        assertEquals(9, counties.size());
        assertEquals(done(DemoIds.QJNY, DemoIds.SHUITOU, TAOHONGPO, DemoIds.HEPING, SHUGU), sum(counties));
        assertEquals(sum(counties), figures(map(city.get("total"))));

        Map<String, Object> lishi = region(admin, ids.region("离石区"));
        Map<String, Object> own = list(lishi.get("children")).stream().filter(r -> Boolean.TRUE.equals(r.get("own")))
                .findFirst().orElseThrow();
        assertEquals("离石区（本级）", own.get("name"));
        assertEquals(done(SHUGU), figures(own)); // 数谷 sits at the county itself, not in a 街道
        assertEquals(done(DemoIds.HEPING, SHUGU), figures(map(lishi.get("total"))));
    }

    @Test
    void theProvincesFiguresAreTheSumOfItsCities() {
        String admin = Logins.token(c, "shanxi-admin");
        Map<String, Object> province = region(admin, ids.region("山西省"));
        List<List<Integer>> cities = new ArrayList<>();
        for (Map<String, Object> row : list(province.get("children"))) {
            cities.add(total(admin, (String) row.get("name")));
            assertEquals(cities.get(cities.size() - 1), figures(row));
        }
        assertEquals(List.of("吕梁市", "大同市"), list(province.get("children")).stream().map(r -> r.get("name")).toList());
        // 大同 has no deputies: its session counts its walk-ins and is not "held"
        assertEquals(List.of(0, 0, 8, 0), cities.get(1));
        assertEquals(done(DATONG), cities.get(1));
        assertEquals(sum(cities), figures(map(province.get("total"))));
    }

    @Test
    void outsideTheirRegionAdminsGet404AndOtherRolesAreRefused() {
        long jiaokou = ids.region("交口县");
        for (String login : List.of("lishi-admin", "datong-admin")) {
            Http.problem(c, Rx.as(HttpRequest.GET("/api/v1/regions/" + jiaokou + "/reception-figures"), Logins.token(c, login)), 404);
            Http.problem(c, Rx.as(HttpRequest.GET("/api/v1/regions/" + jiaokou + "/reception-figures.csv"), Logins.token(c, login)), 404);
        }
        Http.problem(c, Rx.as(HttpRequest.GET("/api/v1/regions/" + jiaokou + "/reception-figures"), Logins.token(c, "head-shuitou")), 403);
        Http.problem(c, Rx.as(HttpRequest.GET("/api/v1/regions/" + jiaokou + "/reception-figures?from=2026-09-30&to=2026-09-01"),
                Logins.token(c, "jiaokou-admin")), 400);
    }

    @Test
    void theCsvHasARowPerTownshipAndTheTotal() {
        var r = c.exchange(Rx.as(HttpRequest.GET("/api/v1/regions/" + ids.region("交口县") + "/reception-figures.csv?" + PERIOD),
                Logins.token(c, "jiaokou-admin")), byte[].class);
        String csv = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(r.getContentType().orElseThrow().toString().startsWith("text/csv"), csv);
        List<Integer> shuitou = DONE.get(DemoIds.SHUITOU);
        List<Integer> taohongpo = DONE.get(TAOHONGPO);
        List<Integer> all = done(DemoIds.SHUITOU, TAOHONGPO);
        assertEquals(List.of("\uFEFF地区,联络站数,接待场次,进站履职人次,接待群众人次,现场收集反映件数", "水头镇,1," + line(shuitou),
                "桃红坡镇,1," + line(taohongpo), "回龙镇,1,0,0,0,0", "合计,3," + line(all)), List.of(csv.split("\r\n")));
    }

    private static String line(List<Integer> f) {
        return f.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }
}
