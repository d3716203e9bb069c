package cn.mashang.standard;

import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.get;
import static cn.mashang.Http.list;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checklists per region (issue 24): the nearest region on the path with its own list wins, like SLA rules. */
@MicronautTest(transactional = false)
class StandardChecklistTest {
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

    Map<String, Object> put(String login, String region, long version, List<Map<String, Object>> items) {
        return client.retrieve(HttpRequest.PUT("/api/v1/regions/" + ids.region(region) + "/standards",
                Map.of("version", version, "items", items)).bearerAuth(Logins.token(client, login)), MAP);
    }

    Map<String, Object> checklist(String login, String region) {
        return get(client, "/api/v1/regions/" + ids.region(region) + "/standards", Logins.token(client, login));
    }

    List<Object> names(Object items) {
        return list(items).stream().map(i -> i.get("name")).toList();
    }

    Map<String, Object> station(String head, String name) {
        return get(client, "/api/v1/stations/" + ids.station(name) + "/standards", Logins.token(client, head));
    }

    static List<Map<String, Object>> named(String... names) {
        return java.util.Arrays.stream(names).map(n -> Map.<String, Object>of("name", n)).toList();
    }

    @Test
    void aCountysOwnChecklistOverridesTheCitysWhichOverridesTheDefault() {
        Map<String, Object> city = put("lvliang-admin", "吕梁市", 0, named("有场所", "有牌子", "有制度", "有计划", "有台账"));
        assertEquals(true, city.get("own"));
        assertEquals(1, ((Number) city.get("version")).intValue());
        Map<String, Object> county = put("jiaokou-admin", "交口县", 0, named("有阵地", "有机构"));
        assertEquals(ids.region("交口县"), ((Number) county.get("inForceRegionId")).longValue());

        Map<String, Object> lishi = checklist("lishi-admin", "离石区");
        assertEquals(false, lishi.get("own"));
        assertEquals(ids.region("吕梁市"), ((Number) lishi.get("inForceRegionId")).longValue());
        assertEquals(List.of("有场所", "有牌子", "有制度", "有计划", "有台账"), names(lishi.get("items")));

        Map<String, Object> shuitou = station("head-shuitou", DemoIds.SHUITOU);
        assertEquals("交口县清单", shuitou.get("checklistName"));
        var current = list(shuitou.get("items")).stream().filter(i -> Boolean.TRUE.equals(i.get("current"))).toList();
        assertEquals(List.of("有阵地", "有机构"), names(current));
        var history = list(shuitou.get("items")).stream().filter(i -> Boolean.FALSE.equals(i.get("current"))).toList();
        assertEquals(List.of("有场所", "有计划"), names(history), "the demo's evidence for the default items stays as history");
        assertEquals(Map.of("items", 2, "passed", 0, "pending", 0, "returned", 0, "empty", 2), shuitou.get("counts"));

        assertEquals(List.of("有场所", "有牌子", "有制度", "有计划", "有台账"),
                names(station("head-heping", DemoIds.HEPING).get("items")).subList(0, 5));
        Map<String, Object> datong = checklist("datong-admin", "大同市");
        assertEquals(null, datong.get("inForceRegionId"));
        assertEquals(List.of("有场所", "有人员", "有制度", "有计划", "有落实"), names(datong.get("items")));
        assertEquals(StandardDemo.SHI_YOU, names(checklist("lvliang-admin", "岚县").get("items")));
    }

    @Test
    void renamingAndRetiringKeepTheItemsIdsAndAStaleVersionIsRefused() {
        Map<String, Object> first = put("lishi-admin", "离石区", 0, named("有阵地", "有机构", "有档案"));
        var items = list(first.get("items"));
        long keep = ((Number) items.get(0).get("id")).longValue();
        Map<String, Object> second = put("lishi-admin", "离石区", 1, List.of(Map.of("id", keep, "name", "有固定阵地"),
                Map.of("name", "有工作流程")));
        assertEquals(List.of("有固定阵地", "有工作流程"), names(second.get("items")));
        assertEquals(keep, ((Number) list(second.get("items")).get(0).get("id")).longValue());
        assertEquals(List.of("有机构", "有档案"), names(second.get("retired")));
        var stale = problem(client, HttpRequest.PUT("/api/v1/regions/" + ids.region("离石区") + "/standards",
                Map.of("version", 1, "items", named("有阵地"))).bearerAuth(Logins.token(client, "lishi-admin")), 409);
        assertEquals(2, ((Number) stale.get("currentVersion")).intValue());
        Map<String, Object> inherited = put("lishi-admin", "离石区", 2, List.of());
        assertEquals(false, inherited.get("own"), "an empty own list inherits again");
        assertEquals(new java.util.TreeSet<>(List.of("有固定阵地", "有工作流程", "有机构", "有档案")),
                new java.util.TreeSet<>(names(inherited.get("retired"))), "every own item is retired");
    }
}
