package cn.mashang.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.get;
import static cn.mashang.Http.list;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class AdminApiTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private Map<String, Object> send(String login, HttpRequest<?> request) {
        HttpResponse<Map<String, Object>> response = client.exchange(
                ((io.micronaut.http.MutableHttpRequest<?>) request).bearerAuth(Logins.token(client, login)), MAP);
        assertTrue(response.code() < 300, () -> "status " + response.code());
        return response.body();
    }

    private Map<String, Object> fails(String login, io.micronaut.http.MutableHttpRequest<?> request, int status) {
        return problem(client, request.bearerAuth(Logins.token(client, login)), status);
    }

    private static long id(Map<String, Object> body) {
        return ((Number) body.get("id")).longValue();
    }

    @Test
    void aCountyAdminCreatesAStationThatResidentsSeeWithItsOwnWallCode() {
        long county = ids.region("交口县");
        var created = client.exchange(HttpRequest.POST("/api/v1/admin/stations", Map.of("regionId", county,
                "name", "交口县城关片区人大代表联络站", "kind", "STATION", "type", "REGIONAL", "address", "交口县城关镇1号",
                "receptionNote", "每月5日 接待日")).bearerAuth(Logins.token(client, "jiaokou-admin")), MAP);
        assertEquals(201, created.code());
        var station = get(client, "/api/v1/stations/" + id(created.body()));
        assertEquals("交口县城关片区人大代表联络站", station.get("name"));
        assertNotNull(station.get("code"));
    }

    @Test
    void aSecondStationWithTheSameNameInTheRegionIsAConflict() {
        var body = Map.of("regionId", ids.region("水头镇"), "name", DemoIds.SHUITOU, "kind", "STATION",
                "type", "REGIONAL", "address", "某地");
        fails("jiaokou-admin", HttpRequest.POST("/api/v1/admin/stations", body), 409);
    }

    @Test
    void aStationWithoutNameOrAddressIsABadRequestNamingTheFields() {
        var problem = fails("jiaokou-admin", HttpRequest.POST("/api/v1/admin/stations",
                Map.of("regionId", ids.region("交口县"), "name", "", "kind", "STATION", "type", "REGIONAL")), 400);
        var fields = list(problem.get("errors")).stream().map(e -> e.get("field")).toList();
        assertTrue(fields.containsAll(List.of("name", "address")), fields::toString);
    }

    @Test
    void anIndustryStationNeedsItsIndustry() {
        var problem = fails("lvliang-admin", HttpRequest.POST("/api/v1/admin/stations", Map.of("regionId",
                ids.region("吕梁市"), "name", "吕梁市某产业联络站", "kind", "STATION", "type", "INDUSTRY", "address", "吕梁市")), 400);
        assertEquals("industry", list(problem.get("errors")).get(0).get("field"));
    }

    @Test
    void seatingADeputyAlreadyInTheStationIsAConflict() {
        var problem = fails("jiaokou-admin", HttpRequest.POST("/api/v1/admin/memberships",
                Map.of("stationId", ids.station(DemoIds.SHUITOU), "deputyId", ids.deputy("曹红梅"))), 409);
        assertTrue(String.valueOf(problem.get("detail")).contains("曹红梅"));
    }

    @Test
    void seatingADeputyAddsTheStationToTheirScopeAndGivesThemACode() {
        String before = Logins.token(client, "13800000017");
        long station = ids.station(DemoIds.SHUITOU);
        // 高鹏飞's home lies outside 交口县: the seat spans two regions, so their common ancestor seats him (issue 16)
        fails("jiaokou-admin", HttpRequest.POST("/api/v1/admin/memberships",
                Map.of("stationId", station, "deputyId", ids.deputy("高鹏飞"), "role", "RESIDENT")), 404);
        var seat = send("lvliang-admin", HttpRequest.POST("/api/v1/admin/memberships",
                Map.of("stationId", station, "deputyId", ids.deputy("高鹏飞"), "role", "RESIDENT")));
        assertEquals("驻站代表", seat.get("roleLabel"));
        var me = client.retrieve(HttpRequest.GET("/api/v1/me").bearerAuth(before), MAP);
        assertTrue(list(me.get("stations")).stream().anyMatch(s -> DemoIds.SHUITOU.equals(s.get("name"))), me::toString);
        var members = list(get(client, "/api/v1/stations/" + station).get("deputies"));
        assertTrue(members.stream().anyMatch(m -> "高鹏飞".equals(m.get("name")) && m.get("code") != null),
                members::toString);
    }

    @Test
    void aDuplicateDepartmentNameInTheRegionIsAConflict() {
        fails("jiaokou-admin", HttpRequest.POST("/api/v1/admin/departments",
                Map.of("regionId", ids.region("交口县"), "name", "交口县教育局")), 409);
    }

    @Test
    void theCityAdminReachesEveryCounty() {
        var updated = send("lvliang-admin", HttpRequest.PUT("/api/v1/admin/departments/"
                        + ids.department("交口县", "交口县交通运输局"),
                Map.of("regionId", ids.region("交口县"), "name", "交口县交通运输局", "contactName", "王股长")));
        assertEquals("王股长", updated.get("contactName"));
    }

    @Test
    void aNewAccountCanLogInAndATakenLoginNameIsAConflict() {
        var account = Map.<String, Object>of("loginName", "liaison-huilong", "displayName", "回龙联络员",
                "password", "Huilong2026", "role", "LIAISON", "stationId", ids.station("交口县回龙片区人大代表联络站"));
        send("jiaokou-admin", HttpRequest.POST("/api/v1/admin/accounts", account));
        var me = client.retrieve(HttpRequest.GET("/api/v1/me").bearerAuth(
                (String) Logins.login(client, "liaison-huilong", "Huilong2026").get("accessToken")), MAP);
        assertEquals("交口县回龙片区人大代表联络站", list(me.get("stations")).get(0).get("name"));
        var problem = fails("jiaokou-admin", HttpRequest.POST("/api/v1/admin/accounts", account), 409);
        assertTrue(String.valueOf(problem.get("detail")).contains("liaison-huilong"));
    }

    @Test
    void anAccountNeedsTheScopeOfItsRoleAndAStrongPassword() {
        var noStation = fails("jiaokou-admin", HttpRequest.POST("/api/v1/admin/accounts", Map.of("loginName",
                "head-nowhere", "displayName", "某站长", "password", "Strong2026", "role", "STATION_HEAD")), 400);
        assertEquals("stationId", list(noStation.get("errors")).get(0).get("field"));
        var weak = fails("jiaokou-admin", HttpRequest.POST("/api/v1/admin/accounts", Map.of("loginName",
                "head-weak", "displayName", "某站长", "password", "short", "role", "STATION_HEAD",
                "stationId", ids.station(DemoIds.SHUITOU))), 400);
        assertEquals("password", list(weak.get("errors")).get(0).get("field"));
    }

    @Test
    void deactivatingAnAccountRevokesItsTokenAndItsLogin() {
        var login = Logins.login(client, "liaison-shuitou", Logins.PASSWORD);
        String token = (String) login.get("accessToken");
        client.retrieve(HttpRequest.GET("/api/v1/me").bearerAuth(token), MAP);
        var off = send("jiaokou-admin", HttpRequest.DELETE("/api/v1/admin/accounts/" + ids.account("liaison-shuitou")));
        assertFalse((Boolean) off.get("active"));
        problem(client, HttpRequest.GET("/api/v1/me").bearerAuth(token), 401);
        problem(client, HttpRequest.POST("/api/v1/auth/refresh", Map.of("refreshToken", login.get("refreshToken"))), 401);
        problem(client, HttpRequest.POST("/api/v1/auth/login",
                Map.of("login", "liaison-shuitou", "password", Logins.PASSWORD)), 401);
    }

    @Test
    void anAdminCannotDeactivateThemselves() {
        fails("lishi-admin", HttpRequest.DELETE("/api/v1/admin/accounts/" + ids.account("lishi-admin")), 409);
    }

    @Test
    void aCountyAdminListsOnlyAccountsOfTheirCounty() {
        var items = list(send("jiaokou-admin", HttpRequest.GET("/api/v1/admin/accounts?size=100")).get("items"));
        var logins = items.stream().map(a -> String.valueOf(a.get("loginName") != null ? a.get("loginName") : a.get("mobile"))).toList();
        assertTrue(logins.containsAll(List.of("jiaokou-admin", "head-shuitou", "13800000014")), logins::toString);
        assertFalse(logins.contains("lishi-admin") || logins.contains("head-qjny") || logins.contains("13800000001"),
                logins::toString);
    }

    @Test
    void aHeadEditsTheirOwnStationsPublicInfoAndResidentsSeeIt() {
        long station = ids.station(AuthDemoAccounts.STATION_HEPING);
        send("head-heping", HttpRequest.PUT("/api/v1/stations/" + station + "/public-info",
                Map.of("address", "离石区凤山街道和平社区党群服务中心一层", "receptionNote", "每周三、周六下午 接待日")));
        assertEquals("每周三、周六下午 接待日", get(client, "/api/v1/stations/" + station).get("receptionNote"));
    }

    @Test
    void aLiaisonCannotEditPublicInfoEvenOfTheirOwnStation() {
        fails("liaison-qjny", HttpRequest.PUT("/api/v1/stations/" + ids.station(DemoIds.QJNY) + "/public-info",
                Map.of("address", "某地")), 403);
    }

    @Test
    void aNewTownshipGetsTheNextLevelAndADuplicateNameIsAConflict() {
        var town = send("jiaokou-admin", HttpRequest.POST("/api/v1/admin/regions",
                Map.of("parentId", ids.region("交口县"), "name", "石口乡", "divisionCode", "141130203")));
        assertEquals("TOWNSHIP", town.get("level"));
        fails("jiaokou-admin", HttpRequest.POST("/api/v1/admin/regions",
                Map.of("parentId", ids.region("交口县"), "name", "石口乡")), 409);
    }

    @Test
    void aRegionWithActiveStationsCannotBeDeactivated() {
        fails("jiaokou-admin", HttpRequest.DELETE("/api/v1/admin/regions/" + ids.region("回龙镇")), 409);
    }
}
