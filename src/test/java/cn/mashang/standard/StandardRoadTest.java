package cn.mashang.standard;

import cn.mashang.Db;
import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.concern.Intake;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.get;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Station standards over HTTP (issue 24): the evidence road, the completion map, scope and bad input. */
@MicronautTest(transactional = false)
class StandardRoadTest {
    static final String HEAD = "head-qjny";
    static final String ADMIN = "lvliang-admin";
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    TransactionOperations<Connection> tx;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    String token(String login) {
        return Logins.token(client, login);
    }

    Map<String, Object> view(String login, long station) {
        return get(client, "/api/v1/stations/" + station + "/standards", token(login));
    }

    static Map<String, Object> item(Map<String, Object> view, String name) {
        return list(view.get("items")).stream().filter(i -> name.equals(i.get("name"))).findFirst().orElseThrow();
    }

    static long id(Map<String, Object> item) {
        return ((Number) item.get("itemId")).longValue();
    }

    static long version(Map<String, Object> item) {
        return ((Number) item.get("version")).longValue();
    }

    MutableHttpRequest<?> put(String login, long station, long item, Map<String, Object> body) {
        return HttpRequest.PUT("/api/v1/stations/" + station + "/standards/" + item, body).bearerAuth(token(login));
    }

    MutableHttpRequest<?> review(String login, long station, long item, Map<String, Object> body) {
        return HttpRequest.POST("/api/v1/stations/" + station + "/standards/" + item + "/review", body).bearerAuth(token(login));
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> b = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            b.put((String) kv[i], kv[i + 1]);
        }
        return b;
    }

    String upload() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x07C160);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        var multipart = MultipartBody.builder().addPart("file", "sign.png", MediaType.IMAGE_PNG_TYPE, png.toByteArray()).build();
        return (String) client.retrieve(HttpRequest.POST("/api/v1/uploads", multipart)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).header("X-Forwarded-For", Intake.randomAddress()), Http.MAP)
                .get("uploadId");
    }

    @Test
    void aHeadFillsAnItemTheCommitteeReturnsItTheHeadResubmitsAndTheCommitteePassesIt() throws IOException {
        long station = ids.station(DemoIds.QJNY);
        Map<String, Object> empty = item(view(HEAD, station), "有落实");
        assertEquals("EMPTY", empty.get("state"));
        assertEquals(List.of("submit"), empty.get("allowed"));
        long item = id(empty);
        String photo = upload();
        Map<String, Object> filled = item(client.retrieve(put(HEAD, station, item, body("version", 0, "evidence",
                "联络站建设已纳入镇党委议事日程", "photoId", photo)), Http.MAP), "有落实");
        assertEquals("PENDING", filled.get("state"));
        assertEquals("待审核", filled.get("stateLabel"));
        assertEquals(true, filled.get("hasPhoto"));
        assertEquals(0, Db.count(tx, "SELECT COUNT(*) FROM concern_photo WHERE upload_token = ?", photo),
                "the upload was taken over, so the stray-photo cleanup leaves its file");
        assertEquals(List.of("pass", "return"), item(view(ADMIN, station), "有落实").get("allowed"));
        problem(client, review(HEAD, station, item, body("version", version(filled), "decision", "PASS")), 403);
        problem(client, review(ADMIN, station, item, body("version", version(filled), "decision", "RETURN")), 400);

        Map<String, Object> returned = item(client.retrieve(review(ADMIN, station, item, body("version", version(filled),
                "decision", "RETURN", "note", "请补充向常委会汇报的记录")), Http.MAP), "有落实");
        assertEquals("RETURNED", returned.get("state"));
        Map<String, Object> seen = item(view(HEAD, station), "有落实");
        assertEquals("请补充向常委会汇报的记录", seen.get("reviewNote"));
        assertEquals(List.of("submit"), seen.get("allowed"));
        var stale = problem(client, put(HEAD, station, item, body("version", version(filled), "evidence", "旧版本")), 409);
        assertEquals(version(returned), ((Number) stale.get("currentVersion")).longValue());
        assertEquals("RETURNED", stale.get("currentState"));

        Map<String, Object> again = item(client.retrieve(put(HEAD, station, item, body("version", version(returned),
                "evidence", "已补充：每季度向市人大常委会书面汇报一次")), Http.MAP), "有落实");
        assertEquals("PENDING", again.get("state"));
        assertEquals(true, again.get("hasPhoto"), "a resubmission without a new photo keeps the photo");
        Map<String, Object> passed = item(client.retrieve(review(ADMIN, station, item, body("version", version(again),
                "decision", "PASS")), Http.MAP), "有落实");
        assertEquals("PASSED", passed.get("state"));
        assertEquals(List.of(), item(view(HEAD, station), "有落实").get("allowed"));
        problem(client, put(HEAD, station, item, body("version", version(passed), "evidence", "再改")), 409);
        assertEquals(List.of("填报", "退回", "填报", "通过"), list(passed.get("history")).stream().map(h -> h.get("what")).toList());
        assertEquals("请补充向常委会汇报的记录", list(passed.get("history")).get(1).get("note"));

        byte[] jpeg = client.retrieve(HttpRequest.GET("/api/v1/stations/" + station + "/standards/" + item + "/photo")
                .bearerAuth(token(HEAD)), byte[].class);
        assertArrayEquals(new byte[]{(byte) 0xFF, (byte) 0xD8}, new byte[]{jpeg[0], jpeg[1]}, "a re-encoded JPEG");
        problem(client, HttpRequest.GET("/api/v1/stations/" + station + "/standards/" + item + "/photo")
                .bearerAuth(token("head-shuitou")), 404);
    }

    @Test
    void theCompletionMapsNumbersAreTheStatesOfTheStationsItems() {
        String admin = token(ADMIN);
        Map<String, Object> m = get(client, "/api/v1/regions/" + ids.region("吕梁市") + "/standards/map", admin);
        assertTrue(((Number) m.get("stationCount")).intValue() >= 15, m::toString);
        int[] sum = new int[5];
        for (Map<String, Object> row : list(m.get("stations"))) {
            Map<String, Object> v = get(client, "/api/v1/stations/" + row.get("id") + "/standards", admin);
            Map<String, Object> c = map(row.get("counts"));
            Map<String, Object> expected = new HashMap<>(Map.of("items", 0, "passed", 0, "pending", 0, "returned", 0, "empty", 0));
            for (Map<String, Object> i : list(v.get("items"))) {
                if (Boolean.TRUE.equals(i.get("current"))) {
                    expected.merge("items", 1, (a, b) -> (int) a + (int) b);
                    expected.merge(i.get("state").toString().toLowerCase(), 1, (a, b) -> (int) a + (int) b);
                }
            }
            assertEquals(expected, c, () -> "station " + row.get("name"));
            assertEquals(v.get("counts"), c);
            String[] keys = {"items", "passed", "pending", "returned", "empty"};
            for (int k = 0; k < 5; k++) {
                sum[k] += ((Number) c.get(keys[k])).intValue();
            }
        }
        Map<String, Object> totals = map(m.get("totals"));
        assertEquals(List.of(sum[0], sum[1], sum[2], sum[3], sum[4]), List.of(totals.get("items"), totals.get("passed"),
                totals.get("pending"), totals.get("returned"), totals.get("empty")));
        int childPending = list(m.get("children")).stream().mapToInt(c -> ((Number) map(c.get("counts")).get("pending")).intValue()).sum();
        assertEquals(sum[2], childPending, "every 吕梁 station sits below a county: the counties add up to the city");
        Map<String, Object> heping = list(m.get("stations")).stream().filter(r -> DemoIds.HEPING.equals(r.get("name")))
                .findFirst().orElseThrow();
        assertEquals(Map.of("items", 5, "passed", 1, "pending", 1, "returned", 0, "empty", 3), heping.get("counts"));
        Map<String, Object> lan = list(m.get("children")).stream().filter(r -> "岚县".equals(r.get("name"))).findFirst().orElseThrow();
        assertEquals(10, ((Number) map(lan.get("counts")).get("items")).intValue(), "岚县's one station has its 十有");
        Map<String, Object> province = get(client, "/api/v1/regions/" + ids.region("山西省") + "/standards/map",
                token("shanxi-admin"));
        Map<String, Object> datong = list(province.get("children")).stream().filter(r -> "大同市".equals(r.get("name")))
                .findFirst().orElseThrow();
        Map<String, Object> dc = map(datong.get("counts"));
        assertEquals(dc.get("items"), dc.get("empty"), "nothing filled in 大同 yet");
        assertEquals(5 * ((Number) datong.get("stations")).intValue(), ((Number) dc.get("items")).intValue());
    }

    private int status(HttpMethod method, String path, String login, Object body) {
        MutableHttpRequest<Object> r = HttpRequest.create(method, path);
        if (login != null) {
            r.bearerAuth(token(login));
        }
        if (body != null) {
            r.body(body);
        }
        try {
            return client.exchange(r, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void aHeadReachesOnlyTheOwnStationAndAdminsOnlyStationsOfTheirRegionBelow() {
        long qjny = ids.station(DemoIds.QJNY);
        long shuitou = ids.station(DemoIds.SHUITOU);
        long heping = ids.station(DemoIds.HEPING);
        long item = id(item(view(HEAD, qjny), "有场所"));
        String own = "/api/v1/stations/" + qjny + "/standards";
        String foreign = "/api/v1/stations/" + shuitou + "/standards";
        Map<String, Object> pass = body("version", 1, "decision", "PASS");
        Map<String, Object> fill = body("version", 0, "evidence", "矩阵");
        String lvliang = "/api/v1/regions/" + ids.region("吕梁市") + "/standards";
        String jiaokou = "/api/v1/regions/" + ids.region("交口县") + "/standards";
        record Row(String who, HttpMethod method, String path, Object body, int expected) {
        }
        List<Row> rows = List.of(
                new Row(HEAD, HttpMethod.GET, own, null, 200),
                new Row(HEAD, HttpMethod.GET, foreign, null, 404),
                new Row(HEAD, HttpMethod.PUT, foreign + "/" + item, fill, 404),
                new Row(HEAD, HttpMethod.POST, own + "/" + item + "/review", pass, 403),
                new Row(HEAD, HttpMethod.GET, lvliang + "/map", null, 403),
                new Row(HEAD, HttpMethod.PUT, lvliang, body("version", 0, "items", List.of()), 403),
                new Row("head-shuitou", HttpMethod.GET, own, null, 404),
                new Row("head-shuitou", HttpMethod.GET, own + "/" + item + "/photo", null, 404),
                new Row("liaison-qjny", HttpMethod.GET, own, null, 403),
                new Row("13800000001", HttpMethod.GET, own, null, 403),
                new Row("dept-xiaoyi-zhujian", HttpMethod.GET, own, null, 403),
                new Row("lishi-admin", HttpMethod.GET, own, null, 404),
                new Row("lishi-admin", HttpMethod.POST, own + "/" + item + "/review", pass, 404),
                new Row("lishi-admin", HttpMethod.GET, jiaokou + "/map", null, 404),
                new Row("lishi-admin", HttpMethod.GET, jiaokou, null, 404),
                new Row("lishi-admin", HttpMethod.PUT, jiaokou, body("version", 0, "items", List.of()), 404),
                new Row("lishi-admin", HttpMethod.GET, "/api/v1/stations/" + heping + "/standards", null, 200),
                new Row("datong-admin", HttpMethod.GET, own, null, 404),
                new Row("datong-admin", HttpMethod.GET, lvliang + "/map", null, 404),
                new Row(ADMIN, HttpMethod.GET, own, null, 200),
                new Row(ADMIN, HttpMethod.GET, jiaokou + "/map", null, 200),
                new Row(ADMIN, HttpMethod.PUT, own + "/" + item, fill, 403),
                new Row(null, HttpMethod.GET, own, null, 401),
                new Row(null, HttpMethod.GET, lvliang + "/map", null, 401));
        List<String> wrong = new ArrayList<>();
        for (Row r : rows) {
            int status = status(r.method(), r.path(), r.who(), r.body());
            if (status != r.expected()) {
                wrong.add(r.who() + " " + r.method() + " " + r.path() + " = " + status + " (expected " + r.expected() + ")");
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static String field(Map<String, Object> problem) {
        return String.valueOf(map(list(problem.get("errors")).get(0)).get("field"));
    }

    @Test
    void badInputOfTheStandardsRoutesAnswers400NamingTheField() {
        String head = "head-shuitou";
        long station = ids.station(DemoIds.SHUITOU);
        long item = id(item(view(head, station), "有落实"));
        long region = ids.region("吕梁市");
        String admin = token(ADMIN);
        assertEquals("version", field(problem(client, put(head, station, item, body("evidence", "无版本")), 400)));
        assertEquals("evidence", field(problem(client, put(head, station, item, body("version", 0, "evidence", "长".repeat(2001))), 400)));
        assertEquals("evidence", field(problem(client, put(head, station, item, body("version", 0, "evidence", "  ")), 400)));
        assertEquals("photoId", field(problem(client, put(head, station, item, body("version", 0, "photoId", "no-such-upload")), 400)));
        assertEquals("year", field(problem(client, put(head, station, item, body("version", 0, "year", 1999, "evidence", "x")), 400)));
        assertEquals("decision", field(problem(client, review(ADMIN, station, item, body("version", 0)), 400)));
        problem(client, review(ADMIN, station, item, body("version", 0, "decision", "MAYBE")), 400);
        problem(client, HttpRequest.GET("/api/v1/stations/" + station + "/standards?year=abc").bearerAuth(admin), 400);
        assertEquals("year", field(problem(client, HttpRequest.GET("/api/v1/stations/" + station + "/standards?year=2999")
                .bearerAuth(admin), 400)));
        problem(client, HttpRequest.GET("/api/v1/regions/" + region + "/standards/map?yeer=2026").bearerAuth(admin), 400);
        problem(client, put(head, station, 987654321L, body("version", 0, "evidence", "x")), 404);
        assertEquals("items", field(problem(client, HttpRequest.PUT("/api/v1/regions/" + region + "/standards",
                body("version", 0)).bearerAuth(admin), 400)));
        assertEquals("items[1].name", field(problem(client, HttpRequest.PUT("/api/v1/regions/" + region + "/standards",
                body("version", 0, "items", List.of(Map.of("name", "有场所"), Map.of("name", "有场所")))).bearerAuth(admin), 400)));
        assertEquals("items[0].id", field(problem(client, HttpRequest.PUT("/api/v1/regions/" + region + "/standards",
                body("version", 0, "items", List.of(Map.of("id", item, "name", "有落实")))).bearerAuth(admin), 400)),
                "an item of another region's list (here the default's) cannot be taken over by id");
        assertEquals("EMPTY", item(view(head, station), "有落实").get("state"), "no probe wrote anything");
    }
}
