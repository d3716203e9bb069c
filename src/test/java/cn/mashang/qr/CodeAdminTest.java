package cn.mashang.qr;

import cn.mashang.AppConfig;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.LIST;
import static cn.mashang.Http.MAP;
import static cn.mashang.Http.get;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class CodeAdminTest {
    @Inject
    @Client("/")
    HttpClient http;
    static final StaffLogins LOGINS = new StaffLogins();
    @Inject
    AppConfig config;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private long stationOf(String code) {
        return ((Number) map(get(client, "/api/v1/codes/" + code).get("station")).get("id")).longValue();
    }

    /** The city admin manages every station. */
    private String adminToken() {
        return LOGINS.token(client, StaffLogins.CITY_ADMIN);
    }

    private <T> MutableHttpRequest<T> as(MutableHttpRequest<T> r, String token) {
        return r.bearerAuth(token);
    }

    private Map<String, Object> revoke(String code, String token) {
        return client.retrieve(as(HttpRequest.POST("/api/v1/codes/" + code + "/revoke", Map.of("reason", "海报污损")), token), MAP);
    }

    @Test
    void scansAreCountedPerCodePerDayButNotInPageLinks() {
        long station = stationOf("zhan522222");
        client.exchange("/s/zhan522222", String.class);
        client.exchange("/s/zhan522222", String.class);
        client.exchange("/s/zhan522222?from=deputy", String.class);
        var codes = client.retrieve(as(HttpRequest.GET("/api/v1/stations/" + station + "/codes"), adminToken()), LIST);
        var stationCode = codes.stream().filter(c -> "zhan522222".equals(c.get("code"))).findFirst().orElseThrow();
        assertEquals(2, ((Number) stationCode.get("scansToday")).intValue());
        assertEquals(2, ((Number) stationCode.get("scansTotal")).intValue());
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertEquals(Map.of(today, 2), map(stationCode.get("scansByDay")));
        client.exchange("/s/zhan522222", String.class);
        var again = client.retrieve(as(HttpRequest.GET("/api/v1/stations/" + station + "/codes"), adminToken()), LIST);
        assertEquals(3, ((Number) again.stream().filter(c -> "zhan522222".equals(c.get("code"))).findFirst().orElseThrow()
                .get("scansToday")).intValue());
        var deputies = codes.stream().filter(c -> "DEPUTY".equals(c.get("kind"))).toList();
        assertTrue(deputies.size() >= 3 && deputies.stream().allMatch(d -> d.get("deputyName") != null), deputies::toString);
    }

    @Test
    void revokingAStationCodeStopsItAtOnceAndRoutesToTheNewCode() {
        String old = "zhan322222";
        long station = stationOf(old);
        client.exchange(HttpRequest.GET("/api/v1/codes/" + old + "/qr.png"), byte[].class); // cached image
        var issued = revoke(old, adminToken());
        String fresh = (String) issued.get("code");
        assertNotEquals(old, fresh);
        assertEquals(true, issued.get("active"));
        assertEquals(old, issued.get("replaces"));
        assertEquals("STATION", issued.get("kind"));

        var gone = assertThrows(HttpClientResponseException.class, () -> client.exchange("/s/" + old, String.class));
        assertEquals(410, gone.getStatus().getCode());
        String html = gone.getResponse().getBody(String.class).orElseThrow();
        assertTrue(html.contains("此二维码已停用"), html);
        assertTrue(html.contains("href=\"/s/" + fresh + "\""), html);

        var view = get(client, "/api/v1/codes/" + old);
        assertEquals(false, view.get("active"));
        assertEquals(config.publicBaseUrl() + "/s/" + fresh, view.get("currentStationUrl"));
        assertEquals(null, map(view.get("station")).get("deputies"));
        problem(client, HttpRequest.GET("/api/v1/codes/" + old + "/qr.png"), 404);
        problem(client, HttpRequest.GET("/api/v1/codes/" + old + "/qr.svg"), 404);

        assertEquals(true, get(client, "/api/v1/codes/" + fresh).get("active"));
        assertEquals(200, client.exchange("/s/" + fresh, String.class).code());
        assertEquals(fresh, get(client, "/api/v1/stations/" + station).get("code"));
        assertEquals(List.of(config.publicBaseUrl() + "/s/" + fresh),
                QrDecoder.decodePng(client.retrieve(HttpRequest.GET("/api/v1/codes/" + fresh + "/qr.png"), byte[].class)));

        var listed = client.retrieve(as(HttpRequest.GET("/api/v1/stations/" + station + "/codes"), adminToken()), LIST);
        var revoked = listed.stream().filter(c -> old.equals(c.get("code"))).findFirst().orElseThrow();
        assertEquals("海报污损", revoked.get("revokeReason"));
        assertEquals(fresh, revoked.get("replacedBy"));
        assertEquals(1, listed.stream().filter(c -> "STATION".equals(c.get("kind")) && Boolean.TRUE.equals(c.get("active"))).count());
        problem(client, as(HttpRequest.POST("/api/v1/codes/" + old + "/revoke", Map.of("reason", "再次")), adminToken()), 409);
    }

    @Test
    void revokingADeputyCodeIssuesANewCodeForTheSameSeat() {
        var station = get(client, "/api/v1/codes/zhan422222");
        long stationId = ((Number) map(station.get("station")).get("id")).longValue();
        var deputy = list(map(station.get("station")).get("deputies")).get(1);
        String old = (String) deputy.get("code");
        var issued = revoke(old, adminToken());
        String fresh = (String) issued.get("code");
        assertEquals("DEPUTY", issued.get("kind"));
        assertEquals(deputy.get("deputyId"), issued.get("deputyId"));
        var oldPage = assertThrows(HttpClientResponseException.class, () -> client.exchange("/d/" + old, String.class));
        assertEquals(410, oldPage.getStatus().getCode());
        var view = get(client, "/api/v1/codes/" + fresh);
        assertEquals(deputy.get("name"), map(view.get("deputy")).get("name"));
        var seats = list(map(get(client, "/api/v1/codes/zhan422222").get("station")).get("deputies"));
        assertTrue(seats.stream().anyMatch(d -> fresh.equals(d.get("code"))), seats::toString);
        assertTrue(seats.stream().noneMatch(d -> old.equals(d.get("code"))));
    }

    /** Why ScaleOutCheck once saw 404 on every replica: it asked /s/ (a station page) for a revoked deputy code. */
    @Test
    void aRevokedDeputyCodeIsGoneOnItsOwnPageAndUnknownAsAStationPage() {
        var deputy = list(map(get(client, "/api/v1/codes/zhan622222").get("station")).get("deputies")).get(0);
        String code = (String) deputy.get("code");
        String page = URI.create((String) deputy.get("scanUrl")).getRawPath();
        assertEquals("/d/" + code, page);
        revoke(code, adminToken());
        var own = assertThrows(HttpClientResponseException.class, () -> client.exchange(page, String.class));
        assertEquals(410, own.getStatus().getCode());
        assertTrue(own.getResponse().getBody(String.class).orElseThrow().contains("此二维码已停用"));
        var asStation = assertThrows(HttpClientResponseException.class, () -> client.exchange("/s/" + code, String.class));
        assertEquals(404, asStation.getStatus().getCode());
        assertEquals(false, get(client, "/api/v1/codes/" + code).get("active"));
    }

    @Test
    void aHeadOfAnotherStationSeesNeitherCodesNorPostersAndCannotRevoke() {
        long mine = stationOf("zhan222222");
        long other = stationOf("zhan722222");
        String token = LOGINS.token(client, StaffLogins.HEAD_QJNY);
        assertEquals(200, client.exchange(as(HttpRequest.GET("/api/v1/stations/" + mine + "/codes"), token)).code());
        problem(client, as(HttpRequest.GET("/api/v1/stations/" + other + "/codes"), token), 404);
        problem(client, as(HttpRequest.GET("/api/v1/stations/" + other + "/poster.pdf"), token), 404);
        problem(client, as(HttpRequest.POST("/api/v1/codes/zhan722222/revoke", Map.of("reason", "x")), token), 404);
        assertEquals(true, get(client, "/api/v1/codes/zhan722222").get("active"));
    }

    @Test
    void anonymousCallersAreRefusedAndAReasonIsRequired() {
        long station = stationOf("zhan822222");
        var e = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/stations/" + station + "/codes")));
        assertEquals(401, e.getStatus().getCode());
        problem(client, as(HttpRequest.POST("/api/v1/codes/zhan822222/revoke", Map.of("reason", " ")), adminToken()), 400);
        problem(client, as(HttpRequest.POST("/api/v1/codes/zzzzzzzzzz/revoke", Map.of("reason", "x")), adminToken()), 404);
    }

    @Test
    void theHeadPageIsAStaticShellThatLoadsItsModule() {
        HttpResponse<String> r = client.exchange("/manage/codes?station=1", String.class);
        assertEquals(200, r.code());
        assertTrue(r.body().contains("<script type=\"module\" src=\"/static/js/manage-codes.js\"></script>"));
        assertTrue(r.body().contains("下载海报 PDF"));
    }
}
