package cn.mashang.resident;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResidentTokensTest {
    private final ResidentTokens tokens = new ResidentTokens("", Duration.ofDays(730), PiiCrypto.DEV_KEY, Duration.ofDays(30), Duration.ofDays(1));
    private final Instant now = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void aTokenVerifiesToTheHashOfItsSubjectAndIsNotAJwt() {
        String subject = tokens.newSubject();
        String token = tokens.issue(subject, now);
        var device = tokens.verify(token, now).orElseThrow();
        assertEquals(ResidentTokens.sha256(subject), device.id());
        assertFalse(token.startsWith("ey"), "not a JWT");
        assertEquals(4, token.split("\\.").length);
    }

    @Test
    void tamperedExpiredOrForeignTokensAreRejected() {
        String token = tokens.issue(tokens.newSubject(), now);
        assertTrue(tokens.verify(token.substring(0, token.length() - 2) + "AA", now).isEmpty());
        assertTrue(tokens.verify(token, now.plus(Duration.ofDays(731))).isEmpty());
        var other = new ResidentTokens("another-secret-of-another-deployment", Duration.ofDays(730), PiiCrypto.DEV_KEY, Duration.ofDays(30), Duration.ofDays(1));
        assertTrue(other.verify(token, now).isEmpty());
        assertTrue(tokens.verify("eyJhbGciOiJIUzI1NiJ9.e30.x", now).isEmpty());
    }

    @Test
    void piiCryptoRoundTripsAndMasks() {
        var crypto = new PiiCrypto(PiiCrypto.DEV_KEY);
        String enc = crypto.encrypt("13812345678");
        assertFalse(enc.contains("13812345678"));
        assertFalse(enc.equals(crypto.encrypt("13812345678")), "random IV per value");
        assertEquals("13812345678", crypto.decrypt(enc));
        assertEquals("138****5678", PiiCrypto.mask("13812345678"));
        assertEquals(crypto.hmac("13812345678"), crypto.hmac("13812345678"));
    }

    @Test
    void productionRefusesAMissingShortOrDevelopmentPiiKey() {
        assertThrows(IllegalStateException.class, () -> PiiKeyCheck.verifyForProduction(null));
        assertThrows(IllegalStateException.class, () -> PiiKeyCheck.verifyForProduction("CHANGE_ME"));
        assertThrows(IllegalStateException.class, () -> PiiKeyCheck.verifyForProduction(PiiCrypto.DEV_KEY));
        assertThrows(IllegalStateException.class, () -> PiiKeyCheck.verifyForProduction("c2hvcnQ="));
        assertThrows(IllegalStateException.class, () -> PiiKeyCheck.verifyForProduction("not base64 !!"));
        PiiKeyCheck.verifyForProduction(java.util.Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B'));
    }

    @Test
    void productionStartupFailsWithTheDevelopmentKey() {
        var e = assertThrows(RuntimeException.class, () -> io.micronaut.context.ApplicationContext.builder()
                .environments("prod")
                .properties(java.util.Map.of("pii.key", PiiCrypto.DEV_KEY,
                        "micronaut.security.token.jwt.signatures.secret.generator.secret",
                        "Zq8v3NcP0yW5rT1mK7hB2xL9dF4gJ6sA-prod-only-key",
                        "datasources.default.url", "jdbc:h2:mem:prodcheck;MODE=MySQL;DATABASE_TO_LOWER=TRUE",
                        "datasources.default.driver-class-name", "org.h2.Driver",
                        "flyway.datasources.default.enabled", "false", "demo.enabled", "false",
                        "app.public-base-url", "https://x.example"))
                .start());
        Throwable t = e;
        boolean found = false;
        while (t != null) {
            found |= String.valueOf(t.getMessage()).contains("development key");
            t = t.getCause();
        }
        assertTrue(found, e::toString);
    }
}
