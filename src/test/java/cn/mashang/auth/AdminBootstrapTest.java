package cn.mashang.auth;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Production bootstrap (issue 16): a deployment without demo data and without any account, started with
 * BOOTSTRAP_ADMIN_LOGIN / _PASSWORD / _REGION, has exactly one administrator of a new top-level region, who can
 * log in and build the tree; the settings do nothing once an account exists.
 */
@MicronautTest(transactional = false)
@Property(name = "demo.enabled", value = "false")
@Property(name = "bootstrap.admin.login", value = "first-admin")
@Property(name = "bootstrap.admin.password", value = "Bootstrap#2026x")
@Property(name = "bootstrap.admin.region", value = "吕梁市")
class AdminBootstrapTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    AdminBootstrap bootstrap;
    @Inject
    StaffAccountRepository accounts;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    @Test
    void theFirstAdminOfAnEmptyDeploymentLogsInAsAdminOfTheNewTopLevelRegion() {
        String token = (String) Logins.login(client, "first-admin", "Bootstrap#2026x").get("accessToken");
        Map<String, Object> me = client.retrieve(HttpRequest.GET("/api/v1/me").bearerAuth(token), MAP);
        assertEquals("ADMIN", me.get("role"));
        assertEquals("吕梁市", map(me.get("region")).get("name"));
        long city = ((Number) map(me.get("region")).get("id")).longValue();
        var county = client.retrieve(HttpRequest.POST("/api/v1/admin/regions", Map.of("parentId", city,
                "name", "交口县", "level", "COUNTY")).bearerAuth(token), MAP);
        var admin = client.exchange(HttpRequest.POST("/api/v1/admin/accounts", Map.of("loginName", "county-admin",
                "displayName", "交口县管理员", "password", "County#2026x", "role", "ADMIN",
                "regionId", county.get("id"))).bearerAuth(token), MAP);
        assertEquals(201, admin.code(), "the bootstrap admin builds the rest through the admin API");
    }

    @Test
    void theSettingsDoNothingOnceAnAccountExists() {
        long before = accounts.count();
        assertFalse(bootstrap.run());
        assertEquals(before, accounts.count());
        assertEquals(1, accounts.findByLoginName("first-admin").stream().count());
    }
}
