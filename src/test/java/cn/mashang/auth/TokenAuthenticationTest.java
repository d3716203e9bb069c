package cn.mashang.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class TokenAuthenticationTest {
    @Inject
    @Client("/")
    HttpClient http;
    BlockingHttpClient client;

    @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}")
    String secret;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private Map<String, Object> me(String token) {
        return client.retrieve(HttpRequest.GET("/api/v1/me").bearerAuth(token), MAP);
    }

    private void unauthorized(String token) {
        problem(client, HttpRequest.GET("/api/v1/me").bearerAuth(token), 401);
    }

    /** A token as the service would issue it for head-qjny, changed by {@code tweak}, signed with {@code key}. */
    private String forged(byte[] key, Consumer<JWTClaimsSet.Builder> tweak) throws Exception {
        long id = Logins.accountId(client, "head-qjny");
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(String.valueOf(id)).issuer("mashang-lianluo").audience("mashang-staff")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("token_use", "access").claim("ver", 0L).claim("roles", List.of("STATION_HEAD"));
        tweak.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private byte[] serviceKey() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void loginAnswersBearerTokensThatOpenTheMePage() {
        Map<String, Object> login = Logins.login(client, "head-qjny", Logins.PASSWORD);
        assertEquals("Bearer", login.get("tokenType"));
        assertEquals(900, ((Number) login.get("expiresIn")).intValue());
        assertEquals("STATION_HEAD", map(login.get("account")).get("role"));
        Map<String, Object> me = me((String) login.get("accessToken"));
        assertEquals("站长", me.get("roleLabel"));
        assertEquals("王建华", map(me.get("deputy")).get("name"));
        assertEquals(List.of(AuthDemoAccounts.STATION_QJNY), list(me.get("stations")).stream().map(s -> s.get("name")).toList());
    }

    @Test
    void deputiesLogInWithTheirMobileNumberAndSeeTheirStations() {
        Map<String, Object> me = me(Logins.token(client, "13800000001"));
        assertEquals("代表", me.get("roleLabel"));
        assertEquals("王建华", me.get("displayName"));
        assertTrue(list(me.get("stations")).size() >= 1, me::toString);
    }

    @Test
    void aRequestWithoutTokenIsUnauthorized() {
        problem(client, HttpRequest.GET("/api/v1/me"), 401);
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountAnswerTheSameWords() {
        var wrong = problem(client, HttpRequest.POST("/api/v1/auth/login",
                Map.of("login", "lishi-admin", "password", "Wrong@2026")), 401);
        var unknown = problem(client, HttpRequest.POST("/api/v1/auth/login",
                Map.of("login", "nobody-here", "password", "Wrong@2026")), 401);
        assertEquals(wrong.get("detail"), unknown.get("detail"));
        assertEquals(wrong.get("title"), unknown.get("title"));
    }

    /** The positive control of the hostile-token corpus ({@link HostileTokenTest}), which changes one thing each. */
    @Test
    void aForgedTokenWithTheServiceKeyIsAcceptedSoTheNegativeCasesBelowTestOneThingEach() throws Exception {
        assertEquals("STATION_HEAD", me(forged(serviceKey(), c -> { })).get("role"));
    }

    @Test
    void aTokenWithAnOldVersionIsUnauthorized() throws Exception {
        unauthorized(forged(serviceKey(), c -> c.claim("ver", 7L)));
    }

    @Test
    void refreshAnswersANewWorkingPair() {
        var login = Logins.login(client, "liaison-shuitou", Logins.PASSWORD);
        var refreshed = client.retrieve(HttpRequest.POST("/api/v1/auth/refresh",
                Map.of("refreshToken", login.get("refreshToken"))), MAP);
        assertNotEquals(login.get("accessToken"), refreshed.get("accessToken"));
        assertEquals("联络员", me((String) refreshed.get("accessToken")).get("roleLabel"));
    }

    @Test
    void anAccessTokenCannotBeUsedToRefresh() {
        var login = Logins.login(client, "liaison-shuitou", Logins.PASSWORD);
        problem(client, HttpRequest.POST("/api/v1/auth/refresh", Map.of("refreshToken", login.get("accessToken"))), 401);
    }

    @Test
    void logoutRevokesTheAccessAndTheRefreshToken() {
        var login = Logins.login(client, "head-heping", Logins.PASSWORD);
        String access = (String) login.get("accessToken");
        assertEquals("站长", me(access).get("roleLabel"));
        client.exchange(HttpRequest.POST("/api/v1/auth/logout", "").bearerAuth(access));
        unauthorized(access);
        problem(client, HttpRequest.POST("/api/v1/auth/refresh", Map.of("refreshToken", login.get("refreshToken"))), 401);
        assertEquals("站长", me(Logins.token(client, "head-heping")).get("roleLabel"));
    }

    @Test
    void changingThePasswordRevokesEarlierTokensAndTheNewPasswordWorks() {
        String old = Logins.token(client, "13800000010");
        var fresh = client.retrieve(HttpRequest.POST("/api/v1/me/password",
                Map.of("currentPassword", Logins.PASSWORD, "newPassword", "Neu3Passwort")).bearerAuth(old), MAP);
        unauthorized(old);
        assertEquals("代表", me((String) fresh.get("accessToken")).get("roleLabel"));
        assertEquals("代表", me((String) Logins.login(client, "13800000010", "Neu3Passwort").get("accessToken"))
                .get("roleLabel"));
        problem(client, HttpRequest.POST("/api/v1/auth/login",
                Map.of("login", "13800000010", "password", Logins.PASSWORD)), 401);
    }
}
