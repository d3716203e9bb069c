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
    private static final String LINK = "m1";
    private static final String NUMBER = "rn1";
    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Duration linkLifetime;
    private final Duration numberLifetime;
    private final SecureRandom random = new SecureRandom();

    ResidentTokens(@Nullable @Value("${resident.token-secret:}") String secret,
                   @Value("${resident.token-lifetime:730d}") Duration lifetime,
                   @Value("${pii.key:" + PiiCrypto.DEV_KEY + "}") String piiKey,
                   @Value("${resident.link-lifetime:30d}") Duration linkLifetime,
                   @Value("${resident.recovery.token-lifetime:1d}") Duration numberLifetime) {
        byte[] raw = secret == null || secret.isBlank()
                ? mac(new SecretKeySpec(PiiKeyCheck.decode(piiKey), "HmacSHA256"), "mashang-resident-token-v1")
                : secret.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(raw, "HmacSHA256");
        this.lifetime = lifetime;
        this.linkLifetime = linkLifetime;
        this.numberLifetime = numberLifetime;
    }

    /**
     * A key that opens one concern's tracking page like its secret key, until {@code resident.link-lifetime}: put
     * into the links of messages to the resident and of recovered concerns ({@code m1.<expires>.<mac>}).
     */
    public String linkKey(String trackingNo, Instant now) {
        long expires = now.plus(linkLifetime).getEpochSecond();
        return LINK + "." + expires + "." + B64.encodeToString(java.util.Arrays.copyOf(
                mac(key, LINK + "|" + trackingNo + "|" + expires), 18));
    }

    /** Whether {@code key} is an unexpired {@link #linkKey} of this tracking number. */
    public boolean opensLink(String trackingNo, @Nullable String key, Instant now) {
        String[] parts = key == null ? new String[0] : key.split("\\.");
        if (parts.length != 3 || !LINK.equals(parts[0]) || !parts[1].matches("\\d{1,12}")) {
            return false;
        }
        long expires = Long.parseLong(parts[1]);
        byte[] want = java.util.Arrays.copyOf(mac(this.key, LINK + "|" + trackingNo + "|" + expires), 18);
        return expires >= now.getEpochSecond() && MessageDigest.isEqual(want, decode(parts[2]));
    }

    /** A token of "找回我的反映" bound to a mobile number's keyed hash (hex), after its one-time code was checked. */
    public String issueForNumber(String mobileHash, Instant now) {
        String body = NUMBER + "." + B64.encodeToString(HexFormat.of().parseHex(mobileHash)) + "." + now.getEpochSecond();
        return body + "." + B64.encodeToString(mac(key, body));
    }

    /** The number's keyed hash (hex) of a valid, unexpired {@link #issueForNumber} token; empty for anything else. */
    public Optional<String> verifyNumber(@Nullable String token, Instant now) {
        String[] parts = token == null || token.length() > 200 ? new String[0] : token.split("\\.");
        if (parts.length != 4 || !NUMBER.equals(parts[0]) || !parts[2].matches("\\d{1,12}")) {
            return Optional.empty();
        }
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        Instant at = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        byte[] hash = decode(parts[1]);
        if (!MessageDigest.isEqual(decode(parts[3]), mac(key, body)) || hash.length != 32
                || at.isAfter(now.plusSeconds(300)) || at.plus(numberLifetime).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.of().formatHex(hash));
    }

    private static byte[] decode(String b64) {
        try {
            return Base64.getUrlDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
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
