package cn.mashang.auth;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One address guessing across many login names is refused once it used up its failures. */
@MicronautTest
@Property(name = "auth.address-max-failures", value = "3")
class AddressThrottleTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void wrongPasswordsSpreadOverManyAccountsFromOneAddressEndIn429() {
        BlockingHttpClient client = http.toBlocking();
        for (String login : new String[]{"lishi-admin", "head-qjny", "liaison-shuitou"}) {
            problem(client, HttpRequest.POST("/api/v1/auth/login", Map.of("login", login, "password", "Wrong1pass")), 401);
        }
        var refused = problem(client, HttpRequest.POST("/api/v1/auth/login",
                Map.of("login", "lvliang-admin", "password", Logins.PASSWORD)), 429);
        assertTrue(((Number) refused.get("retryAfterSeconds")).longValue() > 0);
    }
}
