package cn.mashang.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.problem;

/**
 * X-Forwarded-For counts only from a configured proxy. Here the test client (127.0.0.1) is NOT a trusted proxy
 * (net.trusted-proxies = 10.0.0.0/8): a different spoofed X-Forwarded-For on every request does not give the
 * caller a fresh rate-limit identity, for staff logins (auth) and resident submissions (intake) alike.
 */
@MicronautTest(transactional = false)
@Property(name = "net.trusted-proxies", value = "10.0.0.0/8")
@Property(name = "auth.address-max-failures", value = "3")
@Property(name = "intake.address-submit-limit", value = "2")
class TrustedProxyTest {
    @Inject
    @Client("/")
    HttpClient http;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    @Test
    void aSpoofedForwardedForDoesNotEscapeTheLoginThrottle() {
        for (int i = 1; i <= 3; i++) {
            problem(client, HttpRequest.POST("/api/v1/auth/login", Map.of("login", "nobody-" + i, "password", "Wrong1pass"))
                    .header("X-Forwarded-For", "203.0.113." + i), 401);
        }
        problem(client, HttpRequest.POST("/api/v1/auth/login", Map.of("login", "lishi-admin", "password", "Demo@2026"))
                .header("X-Forwarded-For", "198.51.100.77"), 429);
    }

    @Test
    void aSpoofedForwardedForDoesNotEscapeTheSubmissionLimit() {
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> body = new HashMap<>(Map.of("code", "zhanb22222", "category", "生活环境",
                    "content", "代理测试第" + i + "条：" + UUID.randomUUID()));
            var request = HttpRequest.POST("/api/v1/concerns", body).header("Idempotency-Key", "proxy-" + UUID.randomUUID())
                    .header("X-Forwarded-For", "192.0.2." + i);
            if (i <= 2) {
                client.exchange(request, MAP);
            } else {
                problem(client, request, 429);
            }
        }
    }
}
