package cn.mashang.auth;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In env prod the service refuses to start with a short or default JWT secret. */
class JwtSecretGuardTest {
    private static final String KEY = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    private static Map<String, Object> prod(String secret) {
        Map<String, Object> p = new HashMap<>();
        p.put(KEY, secret);
        p.put("datasources.default.url", "jdbc:h2:mem:guard;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        p.put("datasources.default.username", "sa");
        p.put("datasources.default.password", "");
        p.put("datasources.default.driver-class-name", "org.h2.Driver");
        p.put("flyway.datasources.default.enabled", "false");
        p.put("app.public-base-url", "https://example.test");
        p.put("demo.enabled", "false");
        // a proper PII key, so that only the JWT secret decides (cn.mashang.resident.PiiKeyCheck guards pii.key)
        p.put("pii.key", "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=");
        return p;
    }

    private static String failure(String secret) {
        Throwable t = assertThrows(Throwable.class, () -> ApplicationContext.run(prod(secret), "prod").close());
        StringBuilder messages = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            messages.append(c.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    void aShortSecretStopsStartup() {
        String why = failure("too-short-secret");
        assertTrue(why.contains("JWT_SECRET is too short"), why);
    }

    @Test
    void theDevelopmentDefaultStopsStartup() {
        String why = failure(JwtSecretGuard.DEV_DEFAULT);
        assertTrue(why.contains("development default"), why);
    }

    @Test
    void aLongRandomSecretStarts() {
        try (ApplicationContext ctx = ApplicationContext.run(prod("Zq8v3NcP0yW5rT1mK7hB2xL9dF4gJ6sA-prod-only-key"), "prod")) {
            assertTrue(ctx.containsBean(JwtSecretGuard.class));
        }
    }
}
