package cn.mashang.resident.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.serde.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Alibaba Cloud SMS endpoint for tests: checks each SendSms call as the documented V3 signature
 * (ACS3-HMAC-SHA256: canonical request of method, path, sorted RFC 3986 query, signed headers, payload hash;
 * HMAC-SHA256 with the shared secret) and the documented request (x-acs-action SendSms, x-acs-version 2017-05-25,
 * PhoneNumbers, SignName, TemplateCode, TemplateParam JSON), and answers the documented bodies: {@code Code: OK},
 * or the next scripted error ({@link #failNext}). A bad signature answers 400 SignatureDoesNotMatch.
 */
public final class LocalAliyunSms implements AutoCloseable {
    public static final String KEY_ID = "LTAI-local-test-key";
    public static final String SECRET = "local-test-secret-of-the-sms-account";
    public static final String SIGN = "码上联络";
    public static final String TEMPLATE = "SMS_467780001";
    public static final String CODE_TEMPLATE = "SMS_467780002";
    private static final Pattern AUTH = Pattern.compile(
            "ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})");

    /** One accepted message. */
    public record Sent(String phone, String signName, String templateCode, Map<String, String> params) {
    }

    private final HttpServer server;
    private final List<Sent> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Deque<String> failures = new ConcurrentLinkedDeque<>();
    private final List<String> rejected = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A started local endpoint (for a test's static field). */
    public static LocalAliyunSms start() {
        try {
            return new LocalAliyunSms();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public LocalAliyunSms() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** host:port, for {@code resident.sms.endpoint}. */
    public String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public Map<String, String> properties() {
        return Map.of("resident.sms.enabled", "true", "resident.sms.endpoint", endpoint(),
                "resident.sms.protocol", "HTTP", "resident.sms.access-key-id", KEY_ID,
                "resident.sms.access-key-secret", SECRET, "resident.sms.sign-name", SIGN,
                "resident.sms.template-code", TEMPLATE, "resident.sms.code-template-code", CODE_TEMPLATE);
    }

    /** The next call answers this error code (isv.BUSINESS_LIMIT_CONTROL, isv.MOBILE_NUMBER_ILLEGAL, …). */
    public void failNext(String code) {
        failures.add(code);
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Calls refused for their signature or shape, with the reason. */
    public List<String> rejected() {
        return List.copyOf(rejected);
    }

    public List<Sent> sentTo(String phone) {
        return sent.stream().filter(s -> s.phone().equals(phone)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String problem = check(ex, body);
        if (problem != null) {
            rejected.add(problem);
            answer(ex, 400, "{\"RequestId\":\"" + requestId() + "\",\"HostId\":\"dysmsapi.aliyuncs.com\","
                    + "\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature does not match our calculation.\"}");
            return;
        }
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        String fail = failures.poll();
        if (fail != null) {
            answer(ex, 200, "{\"Code\":\"" + fail + "\",\"Message\":\"" + message(fail) + "\",\"RequestId\":\""
                    + requestId() + "\"}");
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> params = ObjectMapper.getDefault().readValue(query.get("TemplateParam"), Map.class);
        sent.add(new Sent(query.get("PhoneNumbers"), query.get("SignName"), query.get("TemplateCode"), params));
        answer(ex, 200, "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\",\"RequestId\":\""
                + requestId() + "\"}");
    }

    private static String message(String code) {
        return switch (code) {
            case "isv.BUSINESS_LIMIT_CONTROL" -> "触发分钟级流控Permits:1";
            case "isv.MOBILE_NUMBER_ILLEGAL" -> "非法手机号";
            case "isv.SMS_TEMPLATE_ILLEGAL" -> "模板不合法(不存在或被拉黑)";
            default -> code;
        };
    }

    /** Null when the call is signed with {@link #SECRET} and shaped as documented; else why not. */
    static String check(HttpExchange ex, byte[] body) {
        var h = ex.getRequestHeaders();
        if (!"POST".equals(ex.getRequestMethod()) || !"/".equals(ex.getRequestURI().getPath())) {
            return "not POST /";
        }
        if (!"SendSms".equals(h.getFirst("x-acs-action")) || !"2017-05-25".equals(h.getFirst("x-acs-version"))) {
            return "not SendSms 2017-05-25";
        }
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        for (String p : List.of("PhoneNumbers", "SignName", "TemplateCode", "TemplateParam")) {
            if (query.get(p) == null || query.get(p).isBlank()) {
                return "missing " + p;
            }
        }
        if (!query.get("PhoneNumbers").matches("1[3-9]\\d{9}") || !query.get("TemplateParam").startsWith("{")) {
            return "bad PhoneNumbers or TemplateParam";
        }
        String date = h.getFirst("x-acs-date");
        if (date == null || Duration.between(Instant.parse(date), Instant.now()).abs().toMinutes() > 15
                || h.getFirst("x-acs-signature-nonce") == null) {
            return "no fresh x-acs-date / nonce";
        }
        String payloadHash = hex(sha256(body));
        if (!payloadHash.equals(h.getFirst("x-acs-content-sha256"))) {
            return "payload hash";
        }
        Matcher m = AUTH.matcher(String.valueOf(h.getFirst("Authorization")));
        if (!m.matches() || !KEY_ID.equals(m.group(1))) {
            return "no ACS3 Authorization for the key";
        }
        StringBuilder headers = new StringBuilder();
        for (String name : m.group(2).split(";")) {
            String v = h.getFirst(name);
            if (v == null) {
                return "signed header missing: " + name;
            }
            headers.append(name).append(':').append(v.trim()).append('\n');
        }
        if (!m.group(2).contains("host") || !m.group(2).contains("x-acs-date")) {
            return "host and x-acs-date must be signed";
        }
        String canonical = "POST\n/\n" + canonicalQuery(query) + "\n" + headers + "\n" + m.group(2) + "\n" + payloadHash;
        String toSign = "ACS3-HMAC-SHA256\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(hex(hmac(toSign)).getBytes(), m.group(3).getBytes()) ? null : "signature";
    }

    static String canonicalQuery(Map<String, String> query) {
        StringBuilder sb = new StringBuilder();
        for (var e : new TreeMap<>(query).entrySet()) {
            sb.append(sb.isEmpty() ? "" : "&").append(encode(e.getKey())).append('=').append(encode(e.getValue()));
        }
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new TreeMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                out.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static String requestId() {
        return java.util.UUID.randomUUID().toString().toUpperCase();
    }

    private static void answer(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
