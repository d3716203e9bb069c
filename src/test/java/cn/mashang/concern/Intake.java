package cn.mashang.concern;

import cn.mashang.Http;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Test helpers for intake: demo codes, submissions from fresh devices and addresses, staff tokens, SQL pokes. */
public final class Intake {
    /** First demo station (industry, preset 清洁能源), a regional one, and the first deputy code (of station 1). */
    public static final String STATION_CODE = "zhan222222";
    public static final String REGIONAL_CODE = "zhanb22222";
    public static final String DEPUTY_CODE = "rddb222222";
    public static final String MOBILE = "13812345678";

    private Intake() {
    }

    public static Map<String, Object> body(String code, String content) {
        Map<String, Object> b = new HashMap<>();
        b.put("code", code);
        b.put("category", "生活环境");
        b.put("content", content);
        return b;
    }

    public static Map<String, Object> withContact(Map<String, Object> body) {
        body.put("contactName", "张三");
        body.put("mobile", MOBILE);
        body.put("consent", true);
        return body;
    }

    public static String randomAddress() {
        var r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    public static MutableHttpRequest<?> post(Object body, String key, String token, String address) {
        var req = HttpRequest.POST("/api/v1/concerns", body).header("X-Forwarded-For", address);
        if (key != null) {
            req.header("Idempotency-Key", key);
        }
        if (token != null) {
            req.header("X-Resident-Token", token);
        }
        return req;
    }

    public static HttpResponse<Map<String, Object>> submit(BlockingHttpClient client, Object body, String key, String token,
                                                    String address) {
        return client.exchange(post(body, key, token, address), Http.MAP);
    }

    /** A fresh device and address: never limited by earlier tests. */
    public static Map<String, Object> submit(BlockingHttpClient client, Object body) {
        return submit(client, body, UUID.randomUUID().toString(), null, randomAddress()).body();
    }

    /** Demo staff accounts (AuthDemoAccounts): all share this password. */
    public static final String DEMO_PASSWORD = "Demo@2026";

    /** Logs a demo account in; answers the login response (accessToken, account). */
    public static Map<String, Object> login(BlockingHttpClient client, String login) {
        return client.retrieve(HttpRequest.POST("/api/v1/auth/login", Map.of("login", login, "password", DEMO_PASSWORD)),
                Http.MAP);
    }

    public static String staffToken(BlockingHttpClient client, String login) {
        return cn.mashang.auth.Logins.token(client, login);
    }

    public static String keyOf(Map<String, Object> answer) {
        return (String) answer.get("key");
    }

    public static String trackUri(Map<String, Object> answer) {
        return "/api/v1/track/" + answer.get("trackingNo") + "?key=" + answer.get("key");
    }
}
