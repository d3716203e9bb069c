package cn.mashang.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.map;

/**
 * The suite's one login helper: logs demo accounts in and builds bearer requests. {@link #token} keeps the access
 * token of each account and hands it out again while {@code GET /api/v1/me} still accepts it on the server at
 * hand (each test class has its own server and database, a test may log out): a bcrypt login per account and
 * server instead of one per test method, and the login throttle stays calm.
 */
public final class Logins {
    public static final String PASSWORD = AuthDemoAccounts.PASSWORD;
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Logins() {
    }

    public static Map<String, Object> login(BlockingHttpClient client, String login, String password) {
        return client.retrieve(HttpRequest.POST("/api/v1/auth/login", Map.of("login", login, "password", password)), MAP);
    }

    /** A valid access token of the demo account {@code login} (cached, checked against the server). */
    public static String token(BlockingHttpClient client, String login) {
        String cached = TOKENS.get(login);
        if (cached != null && accepted(client, cached)) {
            return cached;
        }
        String fresh = (String) login(client, login, PASSWORD).get("accessToken");
        TOKENS.put(login, fresh);
        return fresh;
    }

    private static boolean accepted(BlockingHttpClient client, String token) {
        try {
            return client.exchange(HttpRequest.GET("/api/v1/me").bearerAuth(token)).code() == 200;
        } catch (HttpClientResponseException e) {
            return false;
        }
    }

    public static long accountId(BlockingHttpClient client, String login) {
        return ((Number) map(login(client, login, PASSWORD).get("account")).get("id")).longValue();
    }

    public static <T> MutableHttpRequest<T> bearer(MutableHttpRequest<T> request, String token) {
        return request.bearerAuth(token);
    }
}
