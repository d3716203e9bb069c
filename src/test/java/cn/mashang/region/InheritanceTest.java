package cn.mashang.region;

import cn.mashang.Db;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.concern.intake.Categories;
import cn.mashang.sla.SlaRules;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.MAP;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Province-level definitions apply to every city below unless a city or county defines its own. */
@MicronautTest(transactional = false)
class InheritanceTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    RegionService regions;
    @Inject
    SlaRules sla;
    @Inject
    Categories categories;
    @Inject
    TransactionOperations<Connection> tx;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private String path(String region) {
        return regions.get(ids.region(region)).path();
    }

    @Test
    void aProvinceSlaRuleAppliesInBothCitiesUntilACityOverridesIt() {
        client.retrieve(HttpRequest.PUT("/api/v1/admin/sla-rules", Map.of("regionId", ids.region("山西省"),
                "resolutionDays", 20)).bearerAuth(Logins.token(client, "shanxi-admin")), MAP);
        assertEquals(20, sla.resolve(path("平城区"), "基础设施").resolutionDays());
        assertEquals(20, sla.resolve(path("交口县"), "基础设施").resolutionDays());
        client.retrieve(HttpRequest.PUT("/api/v1/admin/sla-rules", Map.of("regionId", ids.region("吕梁市"),
                "resolutionDays", 12)).bearerAuth(Logins.token(client, "lvliang-admin")), MAP);
        assertEquals(12, sla.resolve(path("交口县"), "基础设施").resolutionDays());
        assertEquals(20, sla.resolve(path("平城区"), "基础设施").resolutionDays());
    }

    @Test
    void provinceCategoriesReplaceTheDeploymentListAndACountysOwnListReplacesTheProvinces() {
        Db.sql(tx, "INSERT INTO concern_category (region_id, name, sort_order, active) VALUES (?, '营商环境', 10, TRUE), "
                + "(?, '文旅康养', 20, TRUE)", ids.region("山西省"), ids.region("山西省"));
        Db.sql(tx, "INSERT INTO concern_category (region_id, name, sort_order, active) VALUES (?, '煤矿安全', 5, TRUE)",
                ids.region("交口县"));
        assertEquals(List.of("营商环境", "文旅康养"), categories.forRegionPath(path("平城区")));
        assertEquals(List.of("营商环境", "文旅康养"), categories.forRegionPath(path("离石区")));
        assertEquals(List.of("煤矿安全"), categories.forRegionPath(path("交口县")));
    }

    @Test
    void aProvincePointsSchemeAppliesInTheSecondCityWhileTheDemoCityKeepsItsOwn() {
        Map<String, Object> scheme = Map.of("name", "山西省人大代表履职积分办法", "classes", List.of(Map.of("name", "其他",
                "items", List.of(Map.of("key", "OTHER_MERIT", "label", "其他履职加分（项）", "weight", 1, "cap", 5)))));
        client.retrieve(HttpRequest.PUT("/api/v1/regions/" + ids.region("山西省") + "/points-scheme", scheme)
                .bearerAuth(Logins.token(client, "shanxi-admin")), MAP);
        String token = Logins.token(client, "shanxi-admin");
        Map<String, Object> datong = client.retrieve(HttpRequest.GET("/api/v1/regions/" + ids.region("平城区")
                + "/points-scheme").bearerAuth(token), MAP);
        assertEquals("山西省人大代表履职积分办法", datong.get("name"));
        Map<String, Object> lvliang = client.retrieve(HttpRequest.GET("/api/v1/regions/" + ids.region("交口县")
                + "/points-scheme").bearerAuth(token), MAP);
        assertEquals(ids.region("吕梁市"), ((Number) lvliang.get("regionId")).longValue());
    }

    @Test
    void theWorkingCalendarIsAdministeredAtTheProvinceAndNotByACity() {
        String csv = "date,kind,name\n2027-01-01,HOLIDAY,元旦\n";
        cn.mashang.Http.problem(client, HttpRequest.POST("/api/v1/admin/calendar/2027/import", csv)
                .contentType("text/csv").bearerAuth(Logins.token(client, "lvliang-admin")), 404);
        Map<String, Object> year = client.retrieve(HttpRequest.POST("/api/v1/admin/calendar/2027/import", csv)
                .contentType("text/csv").bearerAuth(Logins.token(client, "shanxi-admin")), MAP);
        assertEquals(2027, ((Number) year.get("year")).intValue());
    }
}
