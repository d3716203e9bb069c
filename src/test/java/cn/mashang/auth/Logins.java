package cn.mashang.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;

import java.util.Map;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.map;

/** Logs demo accounts in and builds bearer requests. */
public final class Logins {
    public static final String PASSWORD = AuthDemoAccounts.PASSWORD;

    private Logins() {
    }

    public static Map<String, Object> login(BlockingHttpClient client, String login, String password) {
        return client.retrieve(HttpRequest.POST("/api/v1/auth/login", Map.of("login", login, "password", password)), MAP);
    }

    public static String token(BlockingHttpClient client, String login) {
        return (String) login(client, login, PASSWORD).get("accessToken");
    }

    public static long accountId(BlockingHttpClient client, String login) {
        return ((Number) map(login(client, login, PASSWORD).get("account")).get("id")).longValue();
    }

    public static <T> MutableHttpRequest<T> bearer(MutableHttpRequest<T> request, String token) {
        return request.bearerAuth(token);
    }
}
