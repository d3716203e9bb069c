package cn.mashang.auth;

import cn.mashang.region.RegionLevel;
import cn.mashang.region.RegionService;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.MAP;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every protected endpoint of accounts and administration, called on objects of 交口县 (its region, the 水头
 * station, a deputy, a seat, a department, an account) by each role from another scope: none answers 2xx.
 * The same table run by 交口县's own admin answers 2xx, so the rows are real requests.
 */
@MicronautTest
@io.micronaut.context.annotation.Property(name = "micronaut.http.client.read-timeout", value = "120s") // the archives.zip row
class ScopeMatrixTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    RegionService regionService;
    BlockingHttpClient client;
    static Long emptyRegion;

    record Row(HttpMethod method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        if (emptyRegion == null) {
            emptyRegion = regionService.create(ids.region("水头镇"), "矩阵测试村", RegionLevel.VILLAGE, null, 99).id();
        }
    }

    private List<Row> table() {
        long county = ids.region("交口县");
        long station = ids.station(DemoIds.SHUITOU);
        long deputy = ids.deputy("曹红梅");
        long seat = ids.membership(DemoIds.SHUITOU, "曹红梅");
        long department = ids.department("交口县", "交口县住房和城乡建设局");
        long account = ids.account("liaison-shuitou");
        long stranger = ids.deputy("林静");
        Map<String, Object> stationBody = Map.of("regionId", county, "name", "交口县矩阵测试联络站", "kind", "STATION",
                "type", "REGIONAL", "address", "交口县某街1号");
        Map<String, Object> stationUpdate = Map.of("regionId", ids.region("水头镇"), "name", DemoIds.SHUITOU,
                "kind", "STATION", "type", "REGIONAL", "address", "交口县水头镇便民服务中心二层");
        Map<String, Object> deputyBody = Map.of("name", "矩阵代表", "levels", List.of("COUNTY"), "regionId", county);
        Map<String, Object> accountUpdate = Map.of("loginName", "liaison-shuitou", "displayName", "水头联络员 张敏",
                "role", "LIAISON", "stationId", station);
        return List.of(
                new Row(HttpMethod.POST, "/api/v1/admin/regions", Map.of("parentId", county, "name", "矩阵新镇")),
                new Row(HttpMethod.PUT, "/api/v1/admin/regions/" + emptyRegion, Map.of("name", "矩阵测试村二")),
                new Row(HttpMethod.DELETE, "/api/v1/admin/regions/" + emptyRegion, null),
                new Row(HttpMethod.POST, "/api/v1/admin/stations", stationBody),
                new Row(HttpMethod.PUT, "/api/v1/admin/stations/" + station, stationUpdate),
                new Row(HttpMethod.DELETE, "/api/v1/admin/stations/" + station, null),
                new Row(HttpMethod.POST, "/api/v1/admin/stations/" + station + "/activate", ""),
                new Row(HttpMethod.PUT, "/api/v1/stations/" + station + "/public-info",
                        Map.of("address", "交口县水头镇便民服务中心二层", "receptionNote", "每月5日 接待日")),
                new Row(HttpMethod.POST, "/api/v1/admin/deputies", deputyBody),
                new Row(HttpMethod.PUT, "/api/v1/admin/deputies/" + deputy,
                        Map.of("name", "曹红梅", "levels", List.of("COUNTY"), "regionId", county)),
                new Row(HttpMethod.POST, "/api/v1/admin/memberships", Map.of("stationId", station, "deputyId", stranger)),
                new Row(HttpMethod.PUT, "/api/v1/admin/memberships/" + seat, Map.of("role", "RESIDENT")),
                new Row(HttpMethod.DELETE, "/api/v1/admin/memberships/" + seat, null),
                new Row(HttpMethod.POST, "/api/v1/admin/departments", Map.of("regionId", county, "name", "交口县矩阵局")),
                new Row(HttpMethod.PUT, "/api/v1/admin/departments/" + department,
                        Map.of("regionId", county, "name", "交口县住房和城乡建设局", "contactName", "李科长")),
                new Row(HttpMethod.DELETE, "/api/v1/admin/departments/" + department, null),
                new Row(HttpMethod.GET, "/api/v1/admin/accounts/" + account, null),
                new Row(HttpMethod.GET, "/api/v1/stations/" + station + "/hotspots", null),
                new Row(HttpMethod.POST, "/api/v1/stations/" + station + "/communities", Map.of("name", "矩阵测试小区")),
                new Row(HttpMethod.GET, "/api/v1/concerns?q=%E8%B7%AF%E7%81%AF&station=" + station, null),
                new Row(HttpMethod.GET, "/api/v1/concerns?region=" + ids.region("水头镇"), null),
                new Row(HttpMethod.GET, "/api/v1/regions/" + county + "/reception-figures?from=2026-01-01&to=2026-12-31", null),
                new Row(HttpMethod.GET, "/api/v1/regions/" + county + "/reception-figures.csv", null),
                new Row(HttpMethod.GET, "/api/v1/regions/" + county + "/archives.zip?year=2026", null),
                new Row(HttpMethod.GET, "/api/v1/regions/" + county + "/ledger.csv", null),
                new Row(HttpMethod.GET, "/api/v1/regions/" + county + "/ledger.csv?from=2026-01-01&to=2026-01-31", null),
                new Row(HttpMethod.POST, "/api/v1/admin/accounts", Map.of("loginName", "matrix-liaison",
                        "displayName", "矩阵联络员", "password", "Matrix2026", "role", "LIAISON", "stationId", station)),
                new Row(HttpMethod.PUT, "/api/v1/admin/accounts/" + account, accountUpdate),
                new Row(HttpMethod.POST, "/api/v1/admin/accounts/" + account + "/password", Map.of("password", "Reset2026x")),
                new Row(HttpMethod.DELETE, "/api/v1/admin/accounts/" + account, null),
                new Row(HttpMethod.POST, "/api/v1/admin/accounts/" + account + "/activate", ""),
                new Row(HttpMethod.DELETE, "/api/v1/admin/deputies/" + deputy, null));
    }

    private int call(String token, Row row) {
        MutableHttpRequest<Object> request = HttpRequest.<Object>create(row.method(), row.path()).bearerAuth(token);
        if (row.body() != null) {
            request = request.body(row.body());
        }
        try {
            return client.exchange(request, byte[].class).code(); // bytes: some rows answer CSV or a ZIP
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void noRoleFromAnotherScopeGetsA2xxFromAnyProtectedEndpoint() {
        List<String> callers = List.of("lishi-admin", "head-qjny", "liaison-qjny", "13800000001");
        List<String> breaches = new ArrayList<>();
        Map<String, Integer> statuses = new HashMap<>();
        for (String caller : callers) {
            String token = Logins.token(client, caller);
            for (Row row : table()) {
                int status = call(token, row);
                statuses.merge(String.valueOf(status), 1, Integer::sum);
                if (status < 300 || status >= 500) {
                    breaches.add(caller + " → " + row + " = " + status);
                }
            }
        }
        assertEquals(List.of(), breaches);
        // out-of-scope objects answer 404 to admins, other roles are refused by role (403)
        assertEquals(4 * table().size(), statuses.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void anAdminOfAnotherCountyGets404NotForbiddenSoObjectsStayHidden() {
        assertEquals(List.of(), not404("lishi-admin"));
    }

    private List<String> not404(String login) {
        String token = Logins.token(client, login);
        List<String> not404 = new ArrayList<>();
        for (Row row : table()) {
            int status = call(token, row);
            if (status != 404) {
                not404.add(row + " = " + status);
            }
        }
        return not404;
    }

    @Test
    void anAdminOfAnotherCityInTheProvinceGets404FromTheWholeTable() {
        assertEquals(List.of(), not404("datong-admin"));
    }

    @Test
    void withoutATokenEveryProtectedEndpointAnswers401() {
        List<String> not401 = new ArrayList<>();
        for (Row row : table()) {
            MutableHttpRequest<Object> request = HttpRequest.create(row.method(), row.path());
            if (row.body() != null) {
                request = request.body(row.body());
            }
            int status;
            try {
                status = client.exchange(request, MAP).code();
            } catch (HttpClientResponseException e) {
                status = e.getStatus().getCode();
            }
            if (status != 401) {
                not401.add(row + " = " + status);
            }
        }
        assertEquals(List.of(), not401);
    }

    /** The regions of the stations a deputy sits in, from the public card. */
    private java.util.Set<String> seatRegions(long deputy) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (var seat : cn.mashang.Http.list(cn.mashang.Http.get(client, "/api/v1/deputies/" + deputy).get("stations"))) {
            out.add((String) cn.mashang.Http.get(client, "/api/v1/stations/" + seat.get("stationId")).get("regionName"));
        }
        return out;
    }

    /**
     * The county's own admin gets 2xx from the same table — except for the rows whose object spans regions
     * (issue 16): 曹红梅 (home 交口县) also sits in a station outside the county, and seating 林静 (home 离石区) in
     * 水头 makes a seat across two counties; those belong to their common ancestor, the city admin.
     */
    @Test
    void theCountysOwnAdminGets2xxFromTheSameTableAndTheCityForWhatSpansCounties() {
        java.util.Set<String> regions = seatRegions(ids.deputy("曹红梅"));
        boolean spans = regions.stream().anyMatch(r -> !r.startsWith("交口县") && !r.startsWith("水头"));
        java.util.Set<String> spanning = new java.util.HashSet<>(List.of("POST /api/v1/admin/memberships"));
        if (spans) {
            spanning.add("PUT /api/v1/admin/deputies/" + ids.deputy("曹红梅"));
            spanning.add("DELETE /api/v1/admin/deputies/" + ids.deputy("曹红梅"));
        }
        String county = Logins.token(client, "jiaokou-admin");
        String city = Logins.token(client, "lvliang-admin");
        List<String> failed = new ArrayList<>();
        for (Row row : table()) {
            boolean ancestor = spanning.contains(row.method() + " " + row.path());
            if (ancestor) {
                int refused = call(county, row);
                if (refused != 404) {
                    failed.add("county " + row + " = " + refused + " (spans counties: expected 404)");
                }
            }
            int status = call(ancestor ? city : county, row);
            if (status >= 300) {
                failed.add(row + " = " + status);
            }
        }
        assertEquals(List.of(), failed, () -> "曹红梅 sits in " + regions);
    }
}
