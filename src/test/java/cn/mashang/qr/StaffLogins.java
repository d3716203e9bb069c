package cn.mashang.qr;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static cn.mashang.Http.MAP;

/** Real demo logins (POST /api/v1/auth/login), one per account and test class (the login throttle stays calm). */
final class StaffLogins {
    /** The demo accounts' shared password (see the auth README / AuthDemoAccounts). */
    static final String PASSWORD = "Demo@2026";
    /** 站长 of 吕梁市清洁能源基地…联络站, whose station code is zhan222222. */
    static final String HEAD_QJNY = "head-qjny";
    /** ADMIN of the whole city (every station). */
    static final String CITY_ADMIN = "lvliang-admin";
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    String token(BlockingHttpClient client, String login) {
        return tokens.computeIfAbsent(login, l -> (String) client.retrieve(
                HttpRequest.POST("/api/v1/auth/login", Map.of("login", l, "password", PASSWORD)), MAP).get("accessToken"));
    }
}
