package cn.mashang.resident;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The anonymous resident token kept on the phone ("我的反映" without an account): {@code rt1.<subject>.<issued>.<mac>},
 * HMAC-SHA256 signed with its own secret ({@code resident.token-secret}, else derived from the PII key under a
 * label). It is not a JWT and carries no roles, so it can never pass as a staff bearer token. Only the SHA-256 of
 * its subject (the device id) is stored.
 */
@Singleton
public class ResidentTokens {
    private static final String PREFIX = "rt1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final SecretKeySpec key;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    ResidentTokens(@Nullable @Value("${resident.token-secret:}") String secret,
                   @Value("${resident.token-lifetime:730d}") Duration lifetime,
                   @Value("${pii.key:" + PiiCrypto.DEV_KEY + "}") String piiKey) {
        byte[] raw = secret == null || secret.isBlank()
                ? mac(new SecretKeySpec(PiiKeyCheck.decode(piiKey), "HmacSHA256"), "mashang-resident-token-v1")
                : secret.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(raw, "HmacSHA256");
        this.lifetime = lifetime;
    }

    /** A resident's device: the token's subject and the stored hash of it. */
    public record Device(String subject, String id) {
    }

    public String issue(String subject, Instant now) {
        String body = PREFIX + "." + subject + "." + now.getEpochSecond();
        return body + "." + B64.encodeToString(mac(key, body));
    }

    public String newSubject() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return B64.encodeToString(b);
    }

    /** The device of a valid, unexpired token; empty for anything else. */
    public Optional<Device> verify(@Nullable String token, Instant now) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 4 || !PREFIX.equals(parts[0]) || !parts[1].matches("[A-Za-z0-9_-]{16,43}")) {
            return Optional.empty();
        }
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        byte[] given;
        long issued;
        try {
            given = Base64.getUrlDecoder().decode(parts[3]);
            issued = Long.parseLong(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(given, mac(key, body))) {
            return Optional.empty();
        }
        Instant at = Instant.ofEpochSecond(issued);
        if (at.isAfter(now.plusSeconds(300)) || at.plus(lifetime).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(device(parts[1]));
    }

    public static Device device(String subject) {
        return new Device(subject, sha256(subject));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] mac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
