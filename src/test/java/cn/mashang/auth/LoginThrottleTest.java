package cn.mashang.auth;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Five wrong passwords for one login name (auth.account-max-failures) and the next attempt is refused. The
 * per-address limit is raised here so that only the per-account one is exercised (see AddressThrottleTest).
 */
@MicronautTest
@Property(name = "auth.address-max-failures", value = "100")
class LoginThrottleTest {
    @Inject
    @Client("/")
    HttpClient http;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private HttpRequest<?> login(String login, String password) {
        return HttpRequest.POST("/api/v1/auth/login", Map.of("login", login, "password", password));
    }

    private void failFiveTimes(String login) {
        for (int i = 0; i < 5; i++) {
            problem(client, login(login, "Wrong" + i + "pass"), 401);
        }
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedWith429AndRetryAfter() {
        failFiveTimes("head-shuitou");
        var e = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(login("head-shuitou", Logins.PASSWORD), MAP, MAP));
        assertEquals(429, e.getStatus().getCode());
        long retryAfter = Long.parseLong(e.getResponse().getHeaders().get("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        assertEquals(retryAfter, ((Number) problem(client, login("head-shuitou", Logins.PASSWORD), 429)
                .get("retryAfterSeconds")).longValue(), 1);
    }

    @Test
    void anUnknownAccountIsThrottledTheSameWaySoExistenceIsNotRevealed() {
        failFiveTimes("no-such-account");
        failFiveTimes("jiaokou-admin");
        var unknown = problem(client, login("no-such-account", "Wrong9pass"), 429);
        var known = problem(client, login("jiaokou-admin", "Wrong9pass"), 429);
        assertEquals(known.get("title"), unknown.get("title"));
        assertEquals(String.valueOf(known.get("detail")).replaceAll("\\d+", "N"),
                String.valueOf(unknown.get("detail")).replaceAll("\\d+", "N"));
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailuresOfThatAccount() {
        for (int i = 0; i < 4; i++) {
            problem(client, login("liaison-qjny", "Wrong" + i + "pass"), 401);
        }
        Logins.login(client, "liaison-qjny", Logins.PASSWORD);
        for (int i = 0; i < 4; i++) {
            problem(client, login("liaison-qjny", "Again" + i + "pass"), 401);
        }
        assertEquals("LIAISON", cn.mashang.Http.map(Logins.login(client, "liaison-qjny", Logins.PASSWORD)
                .get("account")).get("role"));
    }
}
