package cn.mashang.security;

import cn.mashang.auth.Logins;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Security headers on pages, static files, API answers and errors alike; no cookies anywhere (tokens are bearer
 * headers, so there is no session cookie to secure).
 */
@MicronautTest
class SecurityHeadersTest {
    @Inject
    @Client("/")
    HttpClient http;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private HttpResponse<?> fetch(HttpRequest<?> request) {
        try {
            return client.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeadersAndNoCookie() {
        List<HttpRequest<?>> requests = List.of(
                HttpRequest.GET("/login"), HttpRequest.GET("/t/LL-20260101-000001"), HttpRequest.GET("/s/zhanb22222"),
                HttpRequest.GET("/static/css/app.css"), HttpRequest.GET("/static/js/api.js"),
                HttpRequest.GET("/api/v1/regions"), HttpRequest.GET("/api/v1/stations/999999"),
                HttpRequest.GET("/api/v1/me"), HttpRequest.GET("/no/such/page"), HttpRequest.GET("/health"),
                HttpRequest.POST("/api/v1/auth/login", Map.of("login", "head-heping", "password", Logins.PASSWORD)),
                HttpRequest.POST("/api/v1/concerns", "{}"));
        List<String> missing = new ArrayList<>();
        for (HttpRequest<?> r : requests) {
            var h = fetch(r).getHeaders();
            String csp = h.get("Content-Security-Policy");
            if (csp == null || !csp.contains("frame-ancestors 'none'") || !csp.contains("script-src 'self'")
                    || !csp.contains("object-src 'none'") || csp.contains("unsafe-eval")) {
                missing.add(r.getPath() + " CSP " + csp);
            }
            if (!"nosniff".equals(h.get("X-Content-Type-Options"))) {
                missing.add(r.getPath() + " X-Content-Type-Options");
            }
            if (!"no-referrer".equals(h.get("Referrer-Policy"))) {
                missing.add(r.getPath() + " Referrer-Policy");
            }
            if (!"DENY".equals(h.get("X-Frame-Options"))) {
                missing.add(r.getPath() + " X-Frame-Options");
            }
            if (h.contains("Set-Cookie")) {
                missing.add(r.getPath() + " sets a cookie: " + h.getAll("Set-Cookie"));
            }
        }
        assertEquals(List.of(), missing);
    }
}
