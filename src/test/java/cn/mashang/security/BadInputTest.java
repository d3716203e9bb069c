package cn.mashang.security;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.web.router.Router;
import cn.mashang.auth.Logins;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static cn.mashang.Http.MAP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input corpus: oversized bodies, wrong content types, invalid UTF-8, control characters, huge paging
 * values, negative and absurd ids, path traversal — each answers the right 4xx as problem+json without a stack
 * trace or a Java class name. HTML/script in every text field of a submission is stored and answered as text and
 * never reaches a served page. Generated from the route table ({@link ApiRoutes}): every date/time input of every
 * route refuses both ends of the calendar, every text input the one text rule and non-text JSON, every query
 * string unknown parameters and values — each a 400 naming the field.
 */
@MicronautTest(transactional = false)
class BadInputTest {
    static final String CODE = "zhanb22222";
    static final byte[] INVALID_UTF8 = concat("{\"code\":\"zhanb22222\",\"category\":\"生活环境\",\"content\":\"无效字节 ",
            new byte[]{(byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28}, " 结束\"}");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    JdbcOperations jdbc;
    @Inject
    Router router;
    BlockingHttpClient client;
    final Map<String, String> tokens = new HashMap<>();

    record Case(String name, HttpMethod method, String path, MediaType type, Object body, Set<Integer> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private static byte[] concat(String a, byte[] b, String c) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] z = c.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[x.length + b.length + z.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(b, 0, out, x.length, b.length);
        System.arraycopy(z, 0, out, x.length + b.length, z.length);
        return out;
    }

    private static String submission(String content) {
        return "{\"code\":\"" + CODE + "\",\"category\":\"生活环境\",\"content\":\"" + content + "\"}";
    }

    static Stream<Case> corpus() {
        MediaType json = MediaType.APPLICATION_JSON_TYPE;
        return Stream.of(
                new Case("oversized submission", HttpMethod.POST, "/api/v1/concerns", json,
                        submission("长".repeat(300_000)), Set.of(413)),
                new Case("oversized login", HttpMethod.POST, "/api/v1/auth/login", json,
                        "{\"login\":\"" + "a".repeat(200_000) + "\",\"password\":\"x\"}", Set.of(400, 413)),
                new Case("submission as text/plain", HttpMethod.POST, "/api/v1/concerns", MediaType.TEXT_PLAIN_TYPE,
                        submission("内容是文本类型的"), Set.of(415)),
                new Case("submission as form", HttpMethod.POST, "/api/v1/concerns", MediaType.APPLICATION_FORM_URLENCODED_TYPE,
                        "code=" + CODE + "&content=abc", Set.of(415)),
                new Case("login as XML", HttpMethod.POST, "/api/v1/auth/login", MediaType.APPLICATION_XML_TYPE,
                        "<login><name>a</name></login>", Set.of(415)),
                new Case("upload as JSON", HttpMethod.POST, "/api/v1/uploads", json, "{\"file\":\"x\"}", Set.of(415)),
                new Case("invalid UTF-8 in a submission", HttpMethod.POST, "/api/v1/concerns", json, INVALID_UTF8, Set.of(400)),
                new Case("raw control character in JSON", HttpMethod.POST, "/api/v1/concerns", json,
                        submission("控制\u0001字符的内容"), Set.of(400)),
                new Case("NUL and escape characters in content", HttpMethod.POST, "/api/v1/concerns", json,
                        submission("控制字符\\u0000和\\u001b[31m的内容"), Set.of(400)),
                new Case("malformed JSON", HttpMethod.POST, "/api/v1/concerns", json, "{\"code\":", Set.of(400)),
                new Case("JSON array instead of object", HttpMethod.POST, "/api/v1/concerns", json, "[1,2,3]", Set.of(400)),
                new Case("deeply nested JSON", HttpMethod.POST, "/api/v1/concerns", json,
                        "{\"code\":" + "[".repeat(5000) + "]".repeat(5000) + "}", Set.of(400)),
                new Case("huge page", HttpMethod.GET, "/api/v1/stations?page=99999999", null, null, Set.of(400)),
                new Case("huge size", HttpMethod.GET, "/api/v1/stations?size=100000", null, null, Set.of(400)),
                new Case("negative page", HttpMethod.GET, "/api/v1/stations?page=-1", null, null, Set.of(400)),
                new Case("page beyond long", HttpMethod.GET, "/api/v1/stations?page=99999999999999999999", null, null, Set.of(400)),
                new Case("negative station id", HttpMethod.GET, "/api/v1/stations/-1", null, null, Set.of(400, 404)),
                new Case("negative deputy id", HttpMethod.GET, "/api/v1/deputies/-7", null, null, Set.of(400, 404)),
                new Case("station id beyond long", HttpMethod.GET, "/api/v1/stations/99999999999999999999", null, null, Set.of(400, 404)),
                new Case("station id not a number", HttpMethod.GET, "/api/v1/stations/abc", null, null, Set.of(400, 404)),
                new Case("static path traversal", HttpMethod.GET, "/static/../application.yml", null, null, Set.of(400, 404)),
                new Case("encoded static path traversal", HttpMethod.GET, "/static/..%2f..%2fapplication.yml", null, null, Set.of(400, 404)),
                new Case("double-encoded traversal", HttpMethod.GET, "/static/%252e%252e/application.yml", null, null, Set.of(400, 404)),
                new Case("traversal in a code", HttpMethod.GET, "/api/v1/codes/..%2F..%2Fetc%2Fpasswd", null, null, Set.of(400, 404)),
                new Case("traversal in a QR image code", HttpMethod.GET, "/api/v1/codes/..%2Fzhanb22222/qr.png", null, null, Set.of(400, 404)),
                new Case("huge QR size", HttpMethod.GET, "/api/v1/codes/" + CODE + "/qr.png?size=100000000", null, null, Set.of(400)),
                new Case("tracking number with SQL", HttpMethod.GET, "/api/v1/track/1'%20OR%20'1'='1?key=x", null, null, Set.of(400, 404)));
    }

    private HttpResponse<String> send(Case c) {
        MutableHttpRequest<Object> request = HttpRequest.create(c.method(), c.path());
        if (c.body() != null) {
            request.contentType(c.type()).body(c.body());
            request.header("Idempotency-Key", "bad-" + UUID.randomUUID()).header("X-Forwarded-For", "10.55.0.1");
        }
        try {
            return client.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> r = (HttpResponse<String>) e.getResponse();
            return r;
        }
    }

    static void noInternals(String body) {
        for (String s : List.of("Exception", "\tat ", "java.", "io.micronaut", "com.fasterxml", "cn.mashang", "org.h2",
                "com.mysql", "SQL")) {
            assertFalse(body.contains(s), () -> "body names internals (" + s + "): " + body);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badInputAnswersTheRight4xxWithoutInternals(Case c) {
        HttpResponse<String> r = send(c);
        String body = r.getBody(String.class).orElse("");
        assertTrue(c.expected().contains(r.code()), () -> c + " answered " + r.code() + ": " + body);
        noInternals(body);
        if (c.path().startsWith("/api/")) {
            assertTrue(r.getContentType().map(t -> t.toString().startsWith("application/problem+json")).orElse(false),
                    () -> c + " content type " + r.getContentType());
        }
    }

    private static byte[] jpeg() throws IOException {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void anUploadNamedWithPathTraversalIsStoredUnderAGeneratedName() throws IOException {
        for (String name : List.of("../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow.jpg", "a\u0000.jpg")) {
            var body = MultipartBody.builder().addPart("file", name, MediaType.IMAGE_JPEG_TYPE, jpeg()).build();
            var answer = client.retrieve(HttpRequest.POST("/api/v1/uploads", body)
                    .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).header("X-Forwarded-For", "10.55.1.1"), MAP);
            String uploadId = (String) answer.get("uploadId");
            String stored = tx.executeRead(s -> jdbc.prepareStatement(
                    "SELECT * FROM concern_photo WHERE upload_token = ?", ps -> {
                        ps.setString(1, uploadId);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            StringBuilder row = new StringBuilder();
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                row.append(rs.getObject(i)).append('|');
                            }
                            return row.toString();
                        }
                    }));
            assertFalse(stored.contains("..") || stored.contains("etc") || stored.contains("win.ini"),
                    () -> name + " left a trace in the stored row: " + stored);
        }
    }

    @Test
    void scriptInEveryTextFieldIsStoredAsTextAndNeverServedInAPage() {
        String script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        Map<String, Object> body = Map.of("code", CODE, "category", "生活环境", "content", "脚本测试 " + script,
                "address", "地点" + script, "contactName", "<b>名</b>", "consent", true);
        var answer = client.retrieve(HttpRequest.POST("/api/v1/concerns", body)
                .header("Idempotency-Key", "xss-" + UUID.randomUUID()).header("X-Forwarded-For", "10.55.2.1"), MAP);
        var tracked = client.exchange(HttpRequest.GET("/api/v1/track/" + answer.get("trackingNo") + "?key="
                + answer.get("key")), MAP);
        assertEquals("脚本测试 " + script, tracked.body().get("content"));
        assertTrue(tracked.getContentType().orElseThrow().toString().startsWith("application/json"));
        for (String page : List.of("/t/" + answer.get("trackingNo"), "/my", "/c/new?code=" + CODE, "/s/" + CODE)) {
            HttpResponse<String> html = client.exchange(HttpRequest.GET(page), String.class);
            String text = html.body();
            assertTrue(html.getContentType().orElseThrow().toString().startsWith("text/html"), page);
            assertFalse(text.contains("alert("), () -> page + " carries user text");
            assertFalse(text.contains("脚本测试"), () -> page + " carries user text");
            String csp = html.getHeaders().get("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline' 'unsafe-eval")
                    && csp.contains("frame-ancestors 'none'"), () -> page + " CSP " + csp);
        }
    }

    // ---- generated from the route table (issue 16: dates out of range, input hygiene) ----

    /** Dates each date input must refuse: both ends of what java.time parses, and just outside the window. */
    static final List<String> FAR_DAYS = List.of("+999999999-12-31", "9999-12-31", "1900-01-01", "1999-12-31",
            LocalDate.now(cn.mashang.common.Times.ZONE).plusYears(5).plusDays(2).toString());

    private static String dateLiteral(Class<?> type, String day) {
        return "\"" + (type == LocalDate.class ? day : day + "T09:00:00+08:00") + "\"";
    }

    private String token(ApiRoutes.Route r) {
        String login = ApiRoutes.caller(r);
        return login == null ? null : tokens.computeIfAbsent(login, l -> Logins.token(client, l));
    }

    /** The answer's status and the fields its problem names ("errors"). */
    private Map.Entry<Integer, String> call(ApiRoutes.Route r, String path, String json) {
        MutableHttpRequest<Object> request = HttpRequest.create(r.method(), path);
        String token = token(r);
        if (token != null) {
            request.bearerAuth(token);
        }
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON_TYPE).body(json);
        }
        request.header("Idempotency-Key", "probe-" + UUID.randomUUID()).header("X-Forwarded-For", "10.56.0.1");
        try {
            var response = client.exchange(request, String.class);
            return Map.entry(response.code(), "");
        } catch (HttpClientResponseException e) {
            Map<String, Object> body = e.getResponse().getBody(MAP).orElse(Map.of());
            return Map.entry(e.getStatus().getCode(), String.valueOf(body.get("errors")));
        }
    }

    private static boolean names(Map.Entry<Integer, String> answer, String field) {
        return answer.getKey() == 400 && answer.getValue().contains("field=" + field + ",")
                || answer.getValue().contains("field=" + field + "}");
    }

    @Test
    void everyDateOfEveryRouteOutsideTheWindowAnswers400NamingTheField() {
        List<ApiRoutes.Route> routes = ApiRoutes.api(router);
        List<String> wrong = new ArrayList<>();
        Set<String> inputs = new java.util.TreeSet<>();
        for (ApiRoutes.Probe p : ApiRoutes.bodyProbes(routes, ApiRoutes::temporal)) {
            inputs.add(p.toString());
            String path = ApiRoutes.fill(p.route(), p.action());
            for (String day : FAR_DAYS) {
                var answer = call(p.route(), path, p.json(t -> dateLiteral(t, day)));
                if (!names(answer, p.field())) {
                    wrong.add(p + " = " + day + " → " + answer);
                }
            }
            String today = LocalDate.now(cn.mashang.common.Times.ZONE).plusDays(1).toString();
            var inside = call(p.route(), path, p.json(t -> dateLiteral(t, today)));
            if (inside.getValue().contains("field=" + p.field()) && inside.getValue().contains("2000-01-01")) {
                wrong.add(p + " refuses tomorrow by the window: " + inside);
            }
        }
        for (ApiRoutes.Route r : routes) {
            for (var a : r.queryArguments()) {
                if (!ApiRoutes.temporal(a.getType())) {
                    continue;
                }
                String name = r.queryName(a);
                inputs.add(r.key() + " ?" + name);
                for (String day : FAR_DAYS) {
                    var answer = call(r, ApiRoutes.fill(r, null) + "?" + name + "=" + day.replace("+", "%2B"), null);
                    if (!names(answer, name)) {
                        wrong.add(r.key() + " ?" + name + "=" + day + " → " + answer);
                    }
                }
            }
        }
        System.out.println("date inputs probed: " + inputs);
        assertTrue(inputs.size() >= 10, () -> "the route table was read: " + inputs);
        assertTrue(inputs.stream().anyMatch(i -> i.contains("/sessions") && i.endsWith(" date"))
                && inputs.stream().anyMatch(i -> i.contains("action=refer deadline"))
                && inputs.stream().anyMatch(i -> i.contains("action=request-extension until"))
                && inputs.stream().anyMatch(i -> i.contains("/plans") && i.endsWith(" startsAt")), inputs::toString);
        assertEquals(List.of(), wrong);
    }

    /** Text that breaks the one text rule, and a JSON number where text belongs. */
    static final Map<String, String> BAD_TEXT = Map.of(
            "NUL", "\"a\\u0000b\"",
            "lone high surrogate", "\"a\\ud800b\"",
            "lone low surrogate", "\"a\\udc00b\"",
            "escape character", "\"a\\u001b[31mb\"",
            "C1 control", "\"a\\u0085b\"",
            "number for text", "12345",
            "object for text", "{\"x\":1}");

    @Test
    void everyTextOfEveryRouteRefusesControlCharactersLoneSurrogatesAndNonText() {
        List<ApiRoutes.Route> routes = ApiRoutes.api(router);
        List<String> wrong = new ArrayList<>();
        int probed = 0;
        for (ApiRoutes.Probe p : ApiRoutes.bodyProbes(routes, t -> t == String.class)) {
            String path = ApiRoutes.fill(p.route(), p.action());
            for (var bad : BAD_TEXT.entrySet()) {
                var answer = call(p.route(), path, p.json(t -> bad.getValue()));
                if (!names(answer, p.field())) {
                    wrong.add(p + " with " + bad.getKey() + " → " + answer);
                }
            }
            var fine = call(p.route(), path, p.json(t -> "\"第一行\\n\\t第二行\""));
            if (fine.getValue().contains("field=" + p.field()) && fine.getValue().matches(".*(控制字符|代理项|无效的字符|应为文本).*")) {
                wrong.add(p + " refuses a line feed and a tab: " + fine);
            }
            probed++;
        }
        for (ApiRoutes.Route r : routes) {
            for (var a : r.queryArguments()) {
                if (a.getType() == String.class) {
                    String name = r.queryName(a);
                    var answer = call(r, ApiRoutes.fill(r, null) + "?" + name + "=a%00b", null);
                    if (!names(answer, name)) {
                        wrong.add(r.key() + " ?" + name + "=a%00b → " + answer);
                    }
                    probed++;
                }
            }
        }
        System.out.println("text inputs probed: " + probed);
        assertTrue(probed >= 60, "the route table was read: " + probed);
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyQueryOfEveryRouteRefusesUnknownParametersBooleansAndEnumValues() {
        List<ApiRoutes.Route> routes = ApiRoutes.api(router);
        List<String> wrong = new ArrayList<>();
        int typed = 0;
        for (ApiRoutes.Route r : routes) {
            if (r.method() != HttpMethod.GET) {
                continue;
            }
            var unknown = call(r, ApiRoutes.fill(r, null) + "?overdu=true", null);
            if (!names(unknown, "overdu")) {
                wrong.add(r.key() + " ?overdu=true → " + unknown);
            }
            for (var a : r.queryArguments()) {
                Class<?> t = a.getType();
                if (t == Boolean.class || t == boolean.class || t.isEnum()) {
                    String name = r.queryName(a);
                    var answer = call(r, ApiRoutes.fill(r, null) + "?" + name + "=maybe", null);
                    if (!names(answer, name)) {
                        wrong.add(r.key() + " ?" + name + "=maybe → " + answer);
                    }
                    typed++;
                }
            }
        }
        assertTrue(typed >= 4, "boolean and enum query values were found: " + typed);
        assertEquals(List.of(), wrong);
        String head = Logins.token(client, "head-qjny");
        assertEquals(200, client.exchange(HttpRequest.GET("/api/v1/me/queue?overdue=true").bearerAuth(head),
                String.class).code(), "a proper boolean still works");
    }
}
