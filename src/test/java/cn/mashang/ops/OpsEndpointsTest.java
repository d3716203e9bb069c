package cn.mashang.ops;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class OpsEndpointsTest {
    @Inject
    @Client("/")
    HttpClient http;

    /** Issue 16: anonymous callers get the status only — no JDBC URL, database version or disk figures. */
    @Test
    void healthTellsAnonymousCallersTheStatusOnly() {
        for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
            String health = http.toBlocking().retrieve(HttpRequest.GET(path), String.class);
            Map<String, Object> body = http.toBlocking().retrieve(HttpRequest.GET(path), MAP);
            assertEquals("UP", body.get("status"), path);
            assertEquals(java.util.Set.of("status"), body.keySet(), () -> path + ": " + health);
            assertFalse(health.contains("jdbc") || health.contains("H2") || health.contains("diskSpace"), health);
        }
    }

    @Test
    void healthIsUpAndIncludesTheDatabaseForStaff() {
        String token = cn.mashang.auth.Logins.token(http.toBlocking(), "lvliang-admin");
        Map<String, Object> health = http.toBlocking().retrieve(HttpRequest.GET("/health").bearerAuth(token), MAP);
        assertEquals("UP", health.get("status"));
        Map<String, Object> details = map(health.get("details"));
        assertTrue(details.keySet().stream().anyMatch(k -> k.startsWith("jdbc")), details::toString);
    }

    @Test
    void prometheusExposesHttpServerMetrics() {
        http.toBlocking().retrieve("/api/v1/regions");
        String metrics = http.toBlocking().retrieve("/prometheus");
        assertTrue(metrics.contains("http_server_requests_seconds_count"), () -> metrics.substring(0, 300));
        assertTrue(metrics.contains("hikaricp_connections"), "pool metrics");
    }

    @Test
    void openApiDocumentDescribesTheStationApi() {
        String doc = http.toBlocking().retrieve("/openapi/mashang-lianluo-v1.yml");
        assertTrue(doc.contains("/api/v1/stations/{id}"), () -> doc.substring(0, Math.min(400, doc.length())));
    }
}
