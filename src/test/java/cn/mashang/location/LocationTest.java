package cn.mashang.location;

import cn.mashang.Db;
import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.concern.Intake;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.LIST;
import static cn.mashang.Http.MAP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, location: the place a resident attaches (position or community), its checks, who sees it, and the
 * head's hot spots. Each station's own tests write their own concerns; the hot-spot test owns station 和平.
 */
@MicronautTest(transactional = false)
class LocationTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DemoIds ids;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private String codeOf(long station) {
        return (String) Http.get(client, "/api/v1/stations/" + station).get("code");
    }

    private List<Map<String, Object>> communities(long station) {
        return client.retrieve(HttpRequest.GET("/api/v1/stations/" + station + "/communities"), LIST);
    }

    private static Map<String, Object> position(double lat, double lng, Object community) {
        Map<String, Object> l = new HashMap<>(Map.of("source", "BROWSER", "lat", lat, "lng", lng, "accuracyM", 18.4));
        if (community != null) {
            l.put("communityId", community);
        }
        return l;
    }

    private Map<String, Object> submit(long station, String category, String content, Map<String, Object> location) {
        Map<String, Object> body = Intake.body(codeOf(station), content);
        body.put("category", category);
        body.put("location", location);
        return Intake.submit(client, body);
    }

    private long idOf(Map<String, Object> answer) {
        return Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", answer.get("trackingNo"));
    }

    private Map<String, Object> rejected(Map<String, Object> location) {
        Map<String, Object> body = Intake.body(codeOf(ids.station(DemoIds.QJNY)), "小区北门的路灯坏了两周，晚上很黑。");
        body.put("location", location);
        return Http.problem(client, Intake.post(body, java.util.UUID.randomUUID().toString(), null, Intake.randomAddress()), 400);
    }

    private static String firstField(Map<String, Object> problem) {
        return (String) Http.map(Http.list(problem.get("errors")).get(0)).get("field");
    }

    @Test
    void aBrowserPositionIsStoredWithTheConcernAndShownToTheStationsStaffWithAnAmapLinkInGcj02() {
        long station = ids.station(DemoIds.QJNY);
        Map<String, Object> community = communities(station).get(0);
        Map<String, Object> answer = submit(station, "生活环境", "梧桐新村北门的路灯坏了两周，晚上很黑。",
                position(37.146123, 111.773456, community.get("id")));
        long id = idOf(answer);
        assertEquals("37.146123", Db.text(tx, "SELECT lat FROM concern_location WHERE concern_id = ?", id).replaceAll("0+$", ""));

        Map<String, Object> detail = Http.get(client, "/api/v1/concerns/" + id, Logins.token(client, "liaison-qjny"));
        Map<String, Object> l = Http.map(detail.get("location"));
        assertEquals("BROWSER", l.get("source"));
        assertEquals(37.146123, ((Number) l.get("lat")).doubleValue(), 1e-9);
        assertEquals(111.773456, ((Number) l.get("lng")).doubleValue(), 1e-9);
        assertEquals(19, ((Number) l.get("accuracyM")).intValue(), "18.4 m is kept as 19 m (rounded up)");
        assertEquals(community.get("name"), l.get("communityName"));
        assertEquals(community.get("name") + " · 手机定位（精度约 19 米）", l.get("summary"));
        double[] gcj = Gcj02.fromWgs84(37.146123, 111.773456);
        assertTrue(((String) l.get("mapUrl")).startsWith(String.format(java.util.Locale.ROOT,
                "https://uri.amap.com/marker?position=%.6f,%.6f&", gcj[1], gcj[0])), () -> (String) l.get("mapUrl"));
        assertTrue(gcj[1] - 111.773456 > 0.005, "in Shanxi GCJ-02 lies some 600 m east of WGS-84");

        Map<String, Object> track = Http.get(client, "/api/v1/track/" + answer.get("trackingNo") + "?key=" + answer.get("key"));
        assertFalse(track.toString().contains("37.146") || track.toString().contains("111.773"), track::toString);
        assertFalse(track.containsKey("location"));
    }

    @Test
    void aConcernWithoutAPlaceHasNoLocationAndACommunityPickAloneKeepsNoCoordinates() {
        long station = ids.station(DemoIds.SHUITOU);
        Map<String, Object> community = communities(station).get(1);
        long plain = idOf(submit(station, "生活环境", "村里的自来水这几天总是停，希望尽快检修。", null));
        long picked = idOf(submit(station, "生活环境", "村口的桥栏杆松动了，孩子上学经过很危险。",
                Map.of("source", "COMMUNITY", "communityId", community.get("id"))));
        String head = Logins.token(client, "head-shuitou");
        assertNull(Http.get(client, "/api/v1/concerns/" + plain, head).get("location"));
        Map<String, Object> l = Http.map(Http.get(client, "/api/v1/concerns/" + picked, head).get("location"));
        assertEquals(community.get("name"), l.get("summary"));
        assertNull(l.get("lat"));
        assertNull(l.get("mapUrl"));
    }

    @Test
    void aCommunityOfAnotherStationAnswers400NamingTheField() {
        Object foreign = communities(ids.station(DemoIds.SHUITOU)).get(0).get("id");
        assertEquals("communityId", firstField(rejected(Map.of("source", "COMMUNITY", "communityId", foreign))));
        assertEquals("communityId", firstField(rejected(position(37.1, 111.7, foreign))));
    }

    @Test
    void aLatitudeOutsideMinus90To90ALongitudeOutside180OrANonPositiveAccuracyAnswer400NamingTheField() {
        assertEquals("lat", firstField(rejected(position(90.5, 111.7, null))));
        assertEquals("lng", firstField(rejected(position(37.1, -180.01, null))));
        Map<String, Object> zero = position(37.1, 111.7, null);
        zero.put("accuracyM", 0);
        assertEquals("accuracyM", firstField(rejected(zero)));
        assertEquals("lng", firstField(rejected(Map.of("source", "BROWSER", "lat", 37.1))));
        assertEquals("source", firstField(rejected(Map.of("source", "COMMUNITY", "lat", 37.1, "lng", 111.7))));
        assertEquals(0, Db.count(tx, "SELECT COUNT(*) FROM concern_location WHERE lat = 90.5"));
    }

    @Test
    void hotSpotsGroupTheLast90DaysByCommunityAndBy200MetrePlacesWithTheirCategories() {
        long station = ids.station(DemoIds.HEPING);
        List<Map<String, Object>> list = communities(station);
        Object a = list.get(0).get("id");
        Object b = list.get(1).get("id");
        // the centre of one grid cell, and points 20 m around it (same cell); a point 2 km away (another cell)
        double lat = (Math.floor(37.5183 / Hotspots.CELL_LAT) + 0.5) * Hotspots.CELL_LAT;
        double lngStep = Hotspots.CELL_LAT / Math.cos(Math.toRadians(lat));
        double lng = (Math.floor(111.1347 / lngStep) + 0.5) * lngStep;
        submit(station, "生活环境", "和平小区南门垃圾桶满了没人清运。", position(lat + 0.0001, lng, a));
        submit(station, "生活环境", "和平小区南门垃圾清运不及时，有异味。", position(lat - 0.0001, lng + 0.0001, a));
        submit(station, "停车出行", "和平小区南门口的路面塌了一个坑。", position(lat, lng - 0.0001, a));
        submit(station, "停车出行", "凤山花园门口公交站牌倒了。", position(lat + 0.018, lng, b));
        submit(station, "生活环境", "凤山花园楼道灯不亮。", Map.of("source", "COMMUNITY", "communityId", b));
        long old = idOf(submit(station, "生活环境", "和平小区南门的老问题：下水道堵了。", position(lat, lng, a)));
        Db.sql(tx, "UPDATE concern_location SET created_at = ? WHERE concern_id = ?",
                Timestamp.from(Instant.now().minus(91, ChronoUnit.DAYS)), old);

        Map<String, Object> h = Http.get(client, "/api/v1/stations/" + station + "/hotspots", Logins.token(client, "head-heping"));
        assertEquals(5, ((Number) h.get("located")).intValue());
        List<Map<String, Object>> byCommunity = Http.list(h.get("communities"));
        assertEquals(List.of(list.get(0).get("name"), list.get(1).get("name")), byCommunity.stream().map(c -> c.get("name")).toList());
        assertEquals(List.of(3, 2), byCommunity.stream().map(c -> ((Number) c.get("count")).intValue()).toList());
        assertEquals(List.of(Map.of("category", "生活环境", "count", 2), Map.of("category", "停车出行", "count", 1)),
                byCommunity.get(0).get("categories"));
        List<Map<String, Object>> places = Http.list(h.get("places"));
        assertEquals(List.of(3, 1), places.stream().map(p -> ((Number) p.get("count")).intValue()).toList());
        assertEquals(Math.round(lat * 1e5) / 1e5, ((Number) places.get(0).get("lat")).doubleValue(), 1e-9,
                "a place is shown by its cell's centre, not by a resident's position");
        assertTrue(((String) places.get(0).get("mapUrl")).startsWith("https://uri.amap.com/marker?position="));
    }

    @Test
    void hotSpotsAreForTheStationsStaffAndTheAdminsAboveIt() {
        long station = ids.station(DemoIds.HEPING);
        String path = "/api/v1/stations/" + station + "/hotspots";
        assertEquals(200, client.exchange(HttpRequest.GET(path).bearerAuth(Logins.token(client, "lishi-admin")), MAP).code());
        assertEquals(200, client.exchange(HttpRequest.GET(path).bearerAuth(Logins.token(client, "lvliang-admin")), MAP).code());
        for (String stranger : List.of("head-qjny", "liaison-shuitou", "jiaokou-admin", "datong-admin")) {
            Http.problem(client, HttpRequest.GET(path).bearerAuth(Logins.token(client, stranger)), 404);
        }
        Http.problem(client, HttpRequest.GET(path).bearerAuth(Logins.token(client, "13800000001")), 403);
        Http.problem(client, HttpRequest.GET(path), 401);
    }

    @Test
    void theHeadAddsAndTakesOffCommunitiesOfTheirOwnStationOnly() {
        long station = ids.station(DemoIds.SHUITOU);
        String head = Logins.token(client, "head-shuitou");
        String path = "/api/v1/stations/" + station + "/communities";
        Map<String, Object> added = client.retrieve(HttpRequest.POST(path, Map.of("name", " 新建安置小区 ")).bearerAuth(head), MAP);
        assertEquals("新建安置小区", added.get("name"));
        assertTrue(communities(station).stream().anyMatch(c -> c.get("id").equals(added.get("id"))));
        Http.problem(client, HttpRequest.POST(path, Map.of("name", "别站的小区")).bearerAuth(Logins.token(client, "head-qjny")), 404);
        Http.problem(client, HttpRequest.POST(path, Map.of("name", "联络员加的")).bearerAuth(Logins.token(client, "liaison-shuitou")), 403);
        client.exchange(HttpRequest.DELETE(path + "/" + added.get("id")).bearerAuth(head), MAP);
        assertFalse(communities(station).stream().anyMatch(c -> c.get("id").equals(added.get("id"))));
        assertEquals("communityId", firstFieldAt(station, added.get("id")), "a community taken off the list is no longer offered");
    }

    private String firstFieldAt(long station, Object community) {
        Map<String, Object> body = Intake.body(codeOf(station), "村委会门口的路灯坏了两周。");
        body.put("location", Map.of("source", "COMMUNITY", "communityId", community));
        return firstField(Http.problem(client, Intake.post(body, java.util.UUID.randomUUID().toString(), null,
                Intake.randomAddress()), 400));
    }

    @Test
    void wgs84IsConvertedToGcj02ForTheMapsAndLeftAsItIsOutsideChina() {
        double[] beijing = Gcj02.fromWgs84(39.915, 116.404);
        assertEquals(39.916404, beijing[0], 1e-6);
        assertEquals(116.410244, beijing[1], 1e-6);
        double[] paris = Gcj02.fromWgs84(48.8566, 2.3522);
        assertEquals(48.8566, paris[0]);
        assertEquals(2.3522, paris[1]);
    }
}
