package cn.mashang.sla;

import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.mashang.Http.LIST;
import static cn.mashang.Http.MAP;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SlaAdminScopeTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    @Test
    void aCountyAdminMayNotChangeTheCityWideRule() {
        String county = Logins.token(client, "jiaokou-admin");
        problem(client, HttpRequest.PUT("/api/v1/admin/sla-rules", Map.of("firstResponseDays", 1)).bearerAuth(county), 404);
    }

    @Test
    void aCountyAdminSetsARuleForTheirOwnCountyButNotForAnother() {
        String county = Logins.token(client, "jiaokou-admin");
        var own = client.retrieve(HttpRequest.PUT("/api/v1/admin/sla-rules",
                Map.of("regionId", ids.region("交口县"), "category", "供暖供气", "firstResponseDays", 2)).bearerAuth(county), MAP);
        assertEquals(2, ((Number) own.get("firstResponseDays")).intValue());
        problem(client, HttpRequest.PUT("/api/v1/admin/sla-rules",
                Map.of("regionId", ids.region("离石区"), "firstResponseDays", 2)).bearerAuth(county), 404);
    }

    @Test
    void aCountyAdminSeesTheCityDefaultButNotAnotherCountysRules() {
        String city = Logins.token(client, "lvliang-admin");
        client.retrieve(HttpRequest.PUT("/api/v1/admin/sla-rules",
                Map.of("regionId", ids.region("离石区"), "resolutionDays", 12)).bearerAuth(city), MAP);
        var seen = client.retrieve(HttpRequest.GET("/api/v1/admin/sla-rules").bearerAuth(Logins.token(client, "jiaokou-admin")), LIST);
        assertTrue(seen.stream().anyMatch(r -> r.get("regionId") == null), seen::toString);
        assertTrue(seen.stream().noneMatch(r -> Long.valueOf(ids.region("离石区")).equals(
                r.get("regionId") == null ? null : ((Number) r.get("regionId")).longValue())), seen::toString);
    }

    @Test
    void onlyTheAdminOfTheRootRegionMayImportTheCalendar() {
        String csv = "date,kind,name\n2027-01-01,HOLIDAY,元旦\n";
        problem(client, HttpRequest.POST("/api/v1/admin/calendar/2027/import", csv).contentType(MediaType.of("text/csv"))
                .bearerAuth(Logins.token(client, "jiaokou-admin")), 404);
        var year = client.retrieve(HttpRequest.POST("/api/v1/admin/calendar/2027/import", csv)
                .contentType(MediaType.of("text/csv")).bearerAuth(Logins.token(client, "shanxi-admin")), MAP);
        assertEquals(2027, ((Number) year.get("year")).intValue());
    }
}
