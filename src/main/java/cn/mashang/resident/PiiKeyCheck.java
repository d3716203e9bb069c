package cn.mashang.resident;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;

import java.util.Base64;

/**
 * In production the application refuses to start without a proper {@code pii.key} (PII_KEY): base64 of
 * exactly 32 bytes, not the development default.
 */
@Context
@Requires(env = "prod")
class PiiKeyCheck {
    PiiKeyCheck(@Nullable @Value("${pii.key:}") String key) {
        verifyForProduction(key);
    }

    static void verifyForProduction(String key) {
        if (key == null || key.isBlank() || key.startsWith("CHANGE_ME")) {
            throw new IllegalStateException("pii.key (PII_KEY) must be set in production: openssl rand -base64 32");
        }
        if (PiiCrypto.DEV_KEY.equals(key.trim())) {
            throw new IllegalStateException("pii.key (PII_KEY) is the development key; set a real one in production");
        }
        decode(key);
    }

    static byte[] decode(String key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("pii.key (PII_KEY) is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("pii.key (PII_KEY) must be base64 of exactly 32 bytes, got " + bytes.length);
        }
        return bytes;
    }
}
