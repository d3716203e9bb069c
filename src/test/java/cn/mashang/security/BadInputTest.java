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
 * never reaches a served page.
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
    BlockingHttpClient client;

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
}
