package cn.mashang.auth;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;

/**
 * In production the service refuses to start unless the JWT signing secret (JWT_SECRET) is set, at least
 * 256 bits long and not the development default written in application.yml.
 */
@Context
@Requires(env = "prod")
class JwtSecretGuard {
    static final String DEV_DEFAULT = "dev-only-secret-change-me-0123456789abcdef0123456789";
    static final int MIN_BYTES = 32;

    JwtSecretGuard(@Nullable @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret:}") String secret) {
        check(secret);
    }

    static void check(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new ConfigurationException("JWT_SECRET is missing: set a random secret of at least 32 bytes");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            throw new ConfigurationException("JWT_SECRET is too short: it needs at least 32 bytes (256 bits)");
        }
        if (secret.equals(DEV_DEFAULT) || secret.startsWith("dev-only-")) {
            throw new ConfigurationException("JWT_SECRET is the development default: set a production secret");
        }
    }
}
