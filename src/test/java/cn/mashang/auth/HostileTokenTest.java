package cn.mashang.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static cn.mashang.Http.MAP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The hostile-token corpus: every forged, broken or misused bearer token answers 401 problem+json on an
 * authenticated route and on an admin route — never 2xx, never 5xx. Each forgery starts from a token the service
 * itself would accept for lvliang-admin (the positive control in {@link TokenAuthenticationTest}) and changes one
 * thing. A token larger than the server's 8 KB header limit is refused before authentication with 431/400.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTokenTest {
    private static final byte[] OTHER_KEY = "another-secret-another-secret-another-secret-0123".getBytes(StandardCharsets.UTF_8);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @Client("/")
    HttpClient http;
    @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}")
    String secret;
    BlockingHttpClient client;
    long adminId;
    RSAKey attacker;

    record Hostile(String name, String token, boolean oversized) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        init();
    }

    private void init() throws Exception {
        client = http.toBlocking();
        if (attacker == null) {
            adminId = Logins.accountId(client, "lvliang-admin");
            attacker = new RSAKeyGenerator(2048).keyID("attacker").generate();
        }
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(String.valueOf(adminId)).issuer("mashang-lianluo").audience("mashang-staff")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(600))).jwtID(UUID.randomUUID().toString())
                .claim("token_use", "access").claim("ver", 0L).claim("roles", List.of("ADMIN"));
    }

    private String hs256(byte[] key, JWSHeader header, Consumer<JWTClaimsSet.Builder> tweak) {
        try {
            JWTClaimsSet.Builder c = claims();
            tweak.accept(c);
            SignedJWT jwt = new SignedJWT(header, c.build());
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String serviceSigned(Consumer<JWTClaimsSet.Builder> tweak) {
        return hs256(secret.getBytes(StandardCharsets.UTF_8), new JWSHeader(JWSAlgorithm.HS256), tweak);
    }

    private String rs256(JWSHeader header) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims().build());
            jwt.sign(new RSASSASigner(attacker));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private String unsigned(String alg) {
        String payload = serviceSigned(c -> { }).split("\\.")[1];
        return part("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + payload + ".";
    }

    /** Header and payload as given, signed HMAC-SHA256 with the service secret (for algorithm confusion). */
    private String hmacWithServiceSecret(String headerJson) {
        try {
            String payload = serviceSigned(c -> { }).split("\\.")[1];
            String input = part(headerJson) + "." + payload;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String nested(int depth) {
        String open = "[".repeat(depth);
        String close = "]".repeat(depth);
        String payload = "{\"sub\":\"" + adminId + "\",\"iss\":\"mashang-lianluo\",\"aud\":\"mashang-staff\",\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + ",\"token_use\":\"access\",\"ver\":0,\"roles\":[\"ADMIN\"],"
                + "\"deep\":" + open + "1" + close + "}";
        return part("{\"alg\":\"HS256\"}") + "." + part(payload) + "." + B64.encodeToString(new byte[32]);
    }

    Stream<Hostile> corpus() throws Exception {
        init();
        String good = serviceSigned(c -> { });
        String[] parts = good.split("\\.");
        String refresh = (String) Logins.login(http.toBlocking(), "lvliang-admin", Logins.PASSWORD).get("refreshToken");
        JWSHeader jku = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker")
                .jwkURL(URI.create("https://evil.example/jwks.json")).build();
        JWSHeader x5u = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .x509CertURL(URI.create("https://evil.example/cert.pem")).build();
        JWSHeader jwk = new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(attacker.toPublicJWK()).build();
        JWSHeader kid = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("../../../../dev/null").build();
        JWSHeader kidSql = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("x' UNION SELECT 'key").build();
        String pem = Base64.getEncoder().encodeToString(attacker.toPublicKey().getEncoded());
        return Stream.of(
                new Hostile("alg none", unsigned("none"), false),
                new Hostile("alg None", unsigned("None"), false),
                new Hostile("alg NONE", unsigned("NONE"), false),
                new Hostile("alg nOnE", unsigned("nOnE"), false),
                new Hostile("empty signature", parts[0] + "." + parts[1] + ".", false),
                new Hostile("no signature part", parts[0] + "." + parts[1], false),
                new Hostile("truncated signature", good.substring(0, good.length() - 6), false),
                new Hostile("signature of another token", parts[0] + "." + serviceSigned(c -> c.claim("roles",
                        List.of("DEPUTY"))).split("\\.")[1] + "." + parts[2], false),
                new Hostile("claims changed after signing", parts[0] + "." + part("{\"sub\":\"" + adminId
                        + "\",\"roles\":[\"ADMIN\"],\"token_use\":\"access\",\"ver\":0}") + "." + parts[2], false),
                new Hostile("signed with another key", hs256(OTHER_KEY, new JWSHeader(JWSAlgorithm.HS256), c -> { }), false),
                new Hostile("RS256 signed by an attacker key", rs256(new JWSHeader(JWSAlgorithm.RS256)), false),
                new Hostile("alg RS256 but HMAC with the service secret", hmacWithServiceSecret("{\"alg\":\"RS256\"}"), false),
                new Hostile("alg ES256 but HMAC with the service secret", hmacWithServiceSecret("{\"alg\":\"ES256\"}"), false),
                new Hostile("HS256 keyed with an RSA public key", hs256(pem.getBytes(StandardCharsets.UTF_8),
                        new JWSHeader(JWSAlgorithm.HS256), c -> { }), false),
                new Hostile("jku pointing elsewhere", rs256(jku), false),
                new Hostile("x5u pointing elsewhere", rs256(x5u), false),
                new Hostile("embedded attacker jwk", rs256(jwk), false),
                new Hostile("kid path traversal", hs256(OTHER_KEY, kid, c -> { }), false),
                new Hostile("kid SQL injection", hs256(OTHER_KEY, kidSql, c -> { }), false),
                new Hostile("expired", serviceSigned(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120)))), false),
                new Hostile("not yet valid", serviceSigned(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))), false),
                new Hostile("without expiry", serviceSigned(c -> c.expirationTime(null)), false),
                new Hostile("wrong issuer", serviceSigned(c -> c.issuer("someone-else")), false),
                new Hostile("wrong audience", serviceSigned(c -> c.audience("another-app")), false),
                new Hostile("old token version", serviceSigned(c -> c.claim("ver", 99L)), false),
                new Hostile("unknown account", serviceSigned(c -> c.subject("987654321")), false),
                new Hostile("non-numeric subject", serviceSigned(c -> c.subject("admin' OR '1'='1")), false),
                new Hostile("refresh token used as access", refresh, false),
                new Hostile("token_use missing", serviceSigned(c -> c.claim("token_use", null)), false),
                new Hostile("typ JWE-looking five parts", good + ".AAAA.BBBB", false),
                new Hostile("deeply nested claims", nested(2000), false),
                new Hostile("garbage base64", "eyJ!!!.@@@.###", false),
                new Hostile("random bytes", B64.encodeToString(new byte[]{(byte) 0xff, 0, 1, 2}) + ".x.y", false),
                new Hostile("header not JSON", part("not json") + "." + parts[1] + "." + parts[2], false),
                new Hostile("payload not JSON", parts[0] + "." + part("[1,2") + "." + parts[2], false),
                new Hostile("JOSE typ claims", hs256(OTHER_KEY, new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JOSE).build(), c -> { }), false),
                new Hostile("token larger than 8 KB", serviceSigned(c -> c.claim("pad", "x".repeat(9000))), true),
                new Hostile("empty base64 parts", "..", false),
                new Hostile("padding characters", parts[0] + "==." + parts[1] + "." + parts[2] + "==", false),
                new Hostile("Base64URL of nulls", new Base64URL("AAAA") + "." + new Base64URL("AAAA") + ".AAAA", false));
    }

    private void expectRefused(Hostile t, String path) {
        try {
            var r = client.exchange(HttpRequest.GET(path).bearerAuth(t.token()), MAP);
            fail(t + " on " + path + " answered " + r.code());
        } catch (HttpClientResponseException e) {
            int status = e.getStatus().getCode();
            String body = e.getResponse().getBody(String.class).orElse("");
            assertTrue(status < 500, () -> t + " on " + path + " answered " + status + ": " + body);
            assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("com.nimbusds"),
                    () -> "leaks internals: " + body);
            if (t.oversized()) {
                assertTrue(status == 431 || status == 400 || status == 413, () -> t + " answered " + status);
            } else {
                assertEquals(401, status, () -> t + " on " + path + ": " + body);
                assertTrue(e.getResponse().getContentType().map(m -> m.toString().startsWith("application/problem+json"))
                        .orElse(false), () -> t + " content type " + e.getResponse().getContentType());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aHostileTokenIsRefusedWith401AndNever5xx(Hostile token) {
        expectRefused(token, "/api/v1/me");
        expectRefused(token, "/api/v1/admin/accounts");
    }
}
