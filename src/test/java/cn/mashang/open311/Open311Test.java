package cn.mashang.open311;

import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Open311 GeoReport v2 over HTTP, as an external client sees it: discovery, services, POST (the reference
 * fixtures' refusals), token, requests; the concern in the station's queue and the staff answer as status_notes;
 * keys issued and revoked by admins in their region. Tests tagged "shared" validate every JSON answer against
 * the official schemas in ../shared/open311.
 */
@MicronautTest(transactional = false)
@Property(name = "open311.client-limit", value = "6")
class Open311Test {
    static final String JIAOKOU = "141130";   // 交口县's division code: a region jurisdiction
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    ObjectMapper json;
    BlockingHttpClient client;
    long station;
    String stationCode;
    String shuitouCode;
    String cityKey;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        station = ids.station(DemoIds.QJNY);
        stationCode = (String) Http.get(client, "/api/v1/stations/" + station).get("code");
        shuitouCode = (String) Http.get(client, "/api/v1/stations/" + ids.station(DemoIds.SHUITOU)).get("code");
        cityKey = O311.issueKey(client, "lvliang-admin", ids.region("吕梁市"));
    }

    // ------------------------------------------------------------------ helpers

    private String serviceCode(String jurisdiction, String name) {
        return O311.get(client, "services.json?jurisdiction_id=" + jurisdiction).jsonList(json).stream()
                .filter(s -> name.equals(s.get("service_name"))).findFirst().orElseThrow().get("service_code")
                .toString();
    }

    private Map<String, String> valid() {
        return O311.request(cityKey, stationCode, serviceCode(stationCode, "基础设施"));
    }

    /** Posts and expects the spec's error list (JSON) with that code; answers the description. */
    private String refused(Map<String, String> form, int code) {
        O311.Answer a = O311.post(client, "json", form, null);
        assertEquals(code, a.status(), a.body());
        List<Map<String, Object>> errors = a.jsonList(json);
        assertEquals(1, errors.size(), a.body());
        assertEquals(code, ((Number) errors.get(0).get("code")).intValue());
        return (String) errors.get(0).get("description");
    }

    private Map<String, Object> filed(Map<String, String> form) {
        O311.Answer a = O311.post(client, "json", form, null);
        assertEquals(201, a.status(), a.body());
        return a.jsonList(json).get(0);
    }

    private Map<String, Object> queueItem(String trackingNo) {
        Map<String, Object> page = client.retrieve(HttpRequest.GET("/api/v1/stations/" + station + "/queue?order=newest&size=50")
                .bearerAuth(Logins.token(client, "head-qjny")), Http.MAP);
        return list(page.get("items")).stream().filter(i -> trackingNo.equals(i.get("trackingNo"))).findFirst()
                .orElse(null);
    }

    private void act(long concernId, String action, Map<String, Object> body) {
        String head = Logins.token(client, "head-qjny");
        Map<String, Object> detail = client.retrieve(HttpRequest.GET("/api/v1/concerns/" + concernId).bearerAuth(head),
                Http.MAP);
        Map<String, Object> b = new HashMap<>(body);
        b.put("version", detail.get("version"));
        client.retrieve(HttpRequest.POST("/api/v1/concerns/" + concernId + "/actions/" + action, b).bearerAuth(head),
                Http.MAP);
    }

    private Map<String, Object> request(String id, String apiKey) {
        O311.Answer a = O311.get(client, "requests/" + id + ".json?jurisdiction_id=" + stationCode
                + (apiKey == null ? "" : "&api_key=" + apiKey));
        assertEquals(200, a.status(), a.body());
        return a.jsonList(json).get(0);
    }

    // ------------------------------------------------------------------ discovery and services

    @Test
    void discoveryNamesTheEndpointAndBothFormats() {
        Map<String, Object> d = O311.get(client, "discovery.json").jsonObject(json);
        Map<String, Object> endpoint = list(d.get("endpoints")).get(0);
        assertTrue(endpoint.get("url").toString().endsWith("/open311/v2"), endpoint::toString);
        assertEquals(List.of("text/xml", "application/json"), endpoint.get("formats"));
        assertEquals("2026-12-01T08:00:00+08:00", d.get("changeset"));
        O311.Answer xml = O311.get(client, "discovery.xml");
        assertTrue(xml.contentType().startsWith("text/xml"), xml.contentType());
        assertEquals("http://wiki.open311.org/GeoReport_v2", XmlSpec.text(xml.body(), "specification"));
    }

    @Test
    void aStationCodeOffersItsRegionsCategoriesAndItsDeputiesAsAnOptionalAttribute() {
        List<Map<String, Object>> services = O311.get(client, "services.json?jurisdiction_id=" + stationCode)
                .jsonList(json);
        List<Object> names = services.stream().map(s -> s.get("service_name")).toList();
        assertTrue(names.containsAll(List.of("基础设施", "生活环境", "其他")), names::toString);
        assertEquals("realtime", services.get(0).get("type"));
        Map<String, Object> def = O311.get(client, "services/" + services.get(0).get("service_code")
                + ".json?jurisdiction_id=" + stationCode).jsonObject(json);
        Map<String, Object> deputy = list(def.get("attributes")).get(0);
        assertEquals("deputy", deputy.get("code"));
        assertEquals(false, deputy.get("required"));
        assertTrue(list(deputy.get("values")).stream().anyMatch(v -> "王建华".equals(v.get("name"))), deputy::toString);
    }

    @Test
    void aRegionByItsDivisionCodeRequiresTheStationAttributeListingItsStationsByCode() {
        String code = serviceCode(JIAOKOU, "基础设施");
        Map<String, Object> def = O311.get(client, "services/" + code + ".json?jurisdiction_id=" + JIAOKOU)
                .jsonObject(json);
        Map<String, Object> attr = list(def.get("attributes")).get(0);
        assertEquals("station", attr.get("code"));
        assertEquals(true, attr.get("required"));
        assertEquals("singlevaluelist", attr.get("datatype"));
        assertTrue(list(attr.get("values")).stream().anyMatch(v -> shuitouCode.equals(v.get("key"))), attr::toString);
        assertEquals(200, O311.get(client, "services.json?jurisdiction_id=region-" + ids.region("交口县")).status());
    }

    @Test
    void anUnknownJurisdictionOrServiceCodeAnswers404AndAMissingJurisdiction400() {
        assertEquals(404, O311.get(client, "services.json?jurisdiction_id=zhan999999").status());
        assertEquals(400, O311.get(client, "services.json").status());
        O311.Answer a = O311.get(client, "services/999999.xml?jurisdiction_id=" + stationCode);
        assertEquals(404, a.status());
        assertEquals(List.of(), XmlSpec.check(a.body(), "errors"));
        assertEquals("404", XmlSpec.text(a.body(), "code"));
        assertEquals(404, O311.get(client, "services.csv?jurisdiction_id=" + stationCode).status());
    }

    // ------------------------------------------------------------------ POST refusals (reference fixtures)

    @Test
    void aMissingServiceCodeAnswers400InBothFormats() {
        Map<String, String> f = valid();
        f.remove("service_code");
        assertEquals("service_code was not provided", refused(f, 400));
        O311.Answer xml = O311.post(client, "xml", f, null);
        assertEquals(400, xml.status());
        assertEquals(List.of(), XmlSpec.check(xml.body(), "errors"));
        assertEquals("service_code was not provided", XmlSpec.text(xml.body(), "description"));
    }

    @Test
    void aMissingOrUnknownApiKeyAnswers403() {
        Map<String, String> f = valid();
        f.remove("api_key");
        assertTrue(refused(f, 403).startsWith("api_key was not provided"));
        f.put("api_key", "o311_not-a-registered-key");
        assertEquals("invalid api_key", refused(f, 403));
    }

    @Test
    void anUnknownServiceCodeOrJurisdictionIsRefused() {
        Map<String, String> f = valid();
        f.put("service_code", "999999");
        assertTrue(refused(f, 400).contains("'999999' is not a service"));
        f = valid();
        f.put("jurisdiction_id", "zhan999999");
        refused(f, 404);
    }

    @Test
    void aMissingRequiredAttributeAnswers400() {
        Map<String, String> f = O311.request(cityKey, JIAOKOU, serviceCode(JIAOKOU, "生活环境"));
        assertEquals("attribute[station] is required", refused(f, 400));
    }

    @Test
    void aValueOutsideAnAttributesListAnswers400() {
        Map<String, String> f = O311.request(cityKey, JIAOKOU, serviceCode(JIAOKOU, "生活环境"));
        f.put("attribute[station]", stationCode);   // a station, but not one of 交口县
        assertTrue(refused(f, 400).startsWith("attribute[station]: '" + stationCode + "' is not one of its values"));
        Map<String, String> g = valid();
        g.put("attribute[deputy]", "999999");
        assertTrue(refused(g, 400).startsWith("attribute[deputy]"));
    }

    @Test
    void locationTextAndContactAreChecked() {
        Map<String, String> f = valid();
        f.remove("lat");
        f.remove("long");
        f.remove("address_string");
        assertTrue(refused(f, 400).startsWith("a location is required"));
        f = valid();
        f.put("lat", "123");
        assertTrue(refused(f, 400).startsWith("lat must lie between"));
        f = valid();
        f.put("description", "长".repeat(4001));
        assertEquals("description is longer than 4000 characters", refused(f, 400));
        f = valid();
        f.put("phone", "12345");
        assertTrue(refused(f, 400).startsWith("phone must be"));
        f = valid();
        f.put("media_url", "javascript:alert(1)");
        assertTrue(refused(f, 400).startsWith("media_url"));
    }

    @Test
    void aClientMayFileOnlyInsideItsRegionAndARevokedKeyIsRefusedAtOnce() {
        String lishiKey = O311.issueKey(client, "lishi-admin", ids.region("离石区"));
        Map<String, String> f = O311.request(lishiKey, shuitouCode, serviceCode(shuitouCode, "生活环境"));
        assertEquals("api_key is not valid for jurisdiction_id '" + shuitouCode + "'", refused(f, 403));
        String admin = Logins.token(client, "lvliang-admin");
        Map<String, Object> created = client.retrieve(HttpRequest.POST("/api/v1/regions/" + ids.region("吕梁市")
                + "/open311-clients", Map.of("name", "待停用")).bearerAuth(admin), Http.MAP);
        long id = ((Number) map(created.get("client")).get("id")).longValue();
        client.retrieve(HttpRequest.POST("/api/v1/open311-clients/" + id + "/revoke", Map.of()).bearerAuth(admin),
                Http.MAP);
        Map<String, String> g = valid();
        g.put("api_key", (String) created.get("apiKey"));
        assertEquals("invalid api_key", refused(g, 403));
    }

    @Test
    void serviceRequestsAreRateLimitedPerClientKey() {
        String key = O311.issueKey(client, "lvliang-admin", ids.region("吕梁市"));
        Map<String, String> f = O311.request(key, stationCode, "x");
        f.remove("service_code");
        for (int i = 0; i < 6; i++) {
            refused(f, 400);
        }
        O311.Answer a = O311.post(client, "json", f, null);
        assertEquals(429, a.status(), a.body());
        assertNotNull(a.response().getHeaders().get("Retry-After"));
        f.put("api_key", cityKey);   // another key keeps its own budget
        refused(f, 400);
    }

    // ------------------------------------------------------------------ accepted requests

    @Test
    void anAcceptedPostIsAConcernInTheStationsQueueAndItsTokenLeadsToIt() {
        Map<String, String> f = valid();
        f.put("first_name", "三");
        f.put("last_name", "张");
        f.put("phone", "+86 138 1234 5678");
        Map<String, Object> answer = filed(f);
        String id = (String) answer.get("service_request_id");
        assertTrue(id.matches("[A-Z]+-\\d{8}-\\d{6,9}"), id);
        assertTrue(answer.get("service_notice").toString().contains("前办结"), answer::toString);
        Map<String, Object> item = queueItem(id);
        assertNotNull(item, "in the station's queue");
        assertEquals("SUBMITTED", item.get("state"));
        assertEquals("OPEN311", item.get("channel"));
        O311.Answer token = O311.get(client, "tokens/" + answer.get("token") + ".json");
        assertEquals(id, token.jsonList(json).get(0).get("service_request_id"));
        Map<String, Object> own = request(id, cityKey);
        assertEquals("open", own.get("status"));
        assertEquals(f.get("description"), own.get("description"));
        assertEquals(37.0912345, ((Number) own.get("lat")).doubleValue(), 1e-9);
        assertTrue(own.get("address").toString().startsWith("孝义市新义街道梧桐路 12 号"), own::toString);
        String all = own + " " + token.body() + " " + answer;
        assertFalse(all.contains("张三") || all.contains("5678"), all);
    }

    @Test
    void theStaffAnswerAppearsAsStatusNotesAndResolvingClosesTheRequest() {
        String id = (String) filed(valid()).get("service_request_id");
        long concernId = ((Number) queueItem(id).get("id")).longValue();
        act(concernId, "reply", Map.of("text", "已联系供电所，本周内修复路灯。"));
        Map<String, Object> open = request(id, cityKey);
        assertEquals("open", open.get("status"));
        assertEquals("已联系供电所，本周内修复路灯。", open.get("status_notes"));
        act(concernId, "resolve", Map.of("outcome", "SOLVED", "text", "路灯已于周三修复。"));
        Map<String, Object> closed = request(id, cityKey);
        assertEquals("closed", closed.get("status"));
        assertEquals("已解决：路灯已于周三修复。", closed.get("status_notes"));
        assertTrue(closed.get("agency_responsible").toString().contains("清洁能源"), closed::toString);
        Map<String, Object> anyone = request(id, null);
        assertEquals("closed", anyone.get("status"));
        assertFalse(anyone.containsKey("status_notes") || anyone.containsKey("description"), anyone::toString);
    }

    @Test
    void aRepeatWithTheSameIdempotencyKeyAnswersTheSameRequestAndCountsOnce() {
        String admin = Logins.token(client, "lvliang-admin");
        Map<String, Object> created = client.retrieve(HttpRequest.POST("/api/v1/regions/" + ids.region("吕梁市")
                + "/open311-clients", Map.of("name", "热线工单桥")).bearerAuth(admin), Http.MAP);
        Map<String, String> f = valid();
        f.put("api_key", (String) created.get("apiKey"));
        String key = "hotline-" + UUID.randomUUID();
        O311.Answer first = O311.post(client, "json", f, key);
        O311.Answer again = O311.post(client, "json", f, key);
        assertEquals(201, first.status(), first.body());
        assertEquals(200, again.status(), again.body());
        assertEquals("true", again.response().getHeaders().get("Idempotent-Replayed"));
        assertEquals(first.jsonList(json).get(0).get("service_request_id"),
                again.jsonList(json).get(0).get("service_request_id"));
        assertEquals(first.jsonList(json).get(0).get("token"), again.jsonList(json).get(0).get("token"));
        long clientId = ((Number) map(created.get("client")).get("id")).longValue();
        List<Map<String, Object>> listed = client.retrieve(HttpRequest.GET("/api/v1/regions/" + ids.region("吕梁市")
                + "/open311-clients").bearerAuth(admin), Http.LIST);
        Map<String, Object> row = listed.stream().filter(c -> ((Number) c.get("id")).longValue() == clientId)
                .findFirst().orElseThrow();
        assertEquals(1, ((Number) row.get("requestCount")).intValue(), row::toString);
        assertFalse(listed.toString().contains((String) created.get("apiKey")), "the key is shown only once");
    }

    @Test
    void getRequestsFiltersByIdsStatusServiceCodeDatesAndPages() {
        String code = serviceCode(stationCode, "停车出行");
        Map<String, String> f = valid();
        f.put("service_code", code);
        String a = (String) filed(f).get("service_request_id");
        String b = (String) filed(valid()).get("service_request_id");
        String q = "requests.json?jurisdiction_id=" + stationCode;
        assertEquals(List.of(b, a), ids(O311.get(client, q + "&service_request_id=" + a + "," + b)));
        assertTrue(ids(O311.get(client, q + "&service_code=" + code)).contains(a));
        assertFalse(ids(O311.get(client, q + "&service_code=" + code)).contains(b));
        assertTrue(ids(O311.get(client, q + "&status=open")).containsAll(List.of(a, b)));
        assertFalse(ids(O311.get(client, q + "&status=closed")).contains(a));
        assertEquals(1, ids(O311.get(client, q + "&page_size=1&page=1")).size());
        assertFalse(ids(O311.get(client, q + "&start_date=2020-01-01T00:00:00%2B08:00&end_date=2020-02-01T00:00:00Z"))
                .contains(a));
        assertEquals(400, O311.get(client, q + "&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z")
                .status());
        assertEquals(400, O311.get(client, q + "&status=pending").status());
        assertTrue(ids(O311.get(client, "requests.json?jurisdiction_id=region-" + ids.region("孝义市"))).contains(a));
        assertFalse(ids(O311.get(client, "requests.json?jurisdiction_id=" + JIAOKOU)).contains(a));
    }

    @Test
    void staffIntakeCannotClaimTheOpen311Channel() {
        Map<String, Object> body = Map.of("channel", "OPEN311", "category", "生活环境", "content", "冒充外部系统的登记内容");
        Http.problem(client, HttpRequest.POST("/api/v1/stations/" + station + "/intake", body)
                .header("Idempotency-Key", "o311-staff-" + UUID.randomUUID().toString().substring(0, 8))
                .bearerAuth(Logins.token(client, "liaison-qjny")), 400);
    }

    private List<Object> ids(O311.Answer a) {
        assertEquals(200, a.status(), a.body());
        return a.jsonList(json).stream().map(r -> r.get("service_request_id")).toList();
    }

    @Test
    void adminsIssueAndListKeysOnlyInTheirOwnRegion() {
        String lishi = Logins.token(client, "lishi-admin");
        Http.problem(client, HttpRequest.POST("/api/v1/regions/" + ids.region("交口县") + "/open311-clients",
                Map.of("name", "越权")).bearerAuth(lishi), 404);
        Http.problem(client, HttpRequest.GET("/api/v1/regions/" + ids.region("吕梁市") + "/open311-clients")
                .bearerAuth(lishi), 404);
        Http.problem(client, HttpRequest.POST("/api/v1/regions/" + ids.region("离石区") + "/open311-clients",
                Map.of("name", "x")).bearerAuth(Logins.token(client, "head-qjny")), 403);
        String key = O311.issueKey(client, "lishi-admin", ids.region("离石区"));
        assertTrue(key.startsWith("o311_") && key.length() >= 37, key);
        List<Map<String, Object>> mine = client.retrieve(HttpRequest.GET("/api/v1/regions/" + ids.region("离石区")
                + "/open311-clients").bearerAuth(lishi), Http.LIST);
        assertTrue(mine.stream().allMatch(c -> "离石区".equals(c.get("regionName"))), mine::toString);
        assertTrue(mine.stream().anyMatch(c -> key.startsWith((String) c.get("keyPrefix"))), mine::toString);
    }

    // ------------------------------------------------------------------ formats against the spec

    /** Every kind of answer, as (label, path of the GET or null for the POST, root element). */
    private List<String[]> answers(String format) {
        Map<String, String> f = valid();
        O311.Answer posted = O311.post(client, format, f, null);
        assertEquals(201, posted.status(), posted.body());
        String id = format.equals("json") ? (String) posted.jsonList(json).get(0).get("service_request_id")
                : XmlSpec.text(posted.body(), "service_request_id");
        String token = format.equals("json") ? (String) posted.jsonList(json).get(0).get("token")
                : XmlSpec.text(posted.body(), "token");
        long concernId = ((Number) queueItem(id).get("id")).longValue();
        act(concernId, "reply", Map.of("text", "已转交街道办核实。"));
        act(concernId, "resolve", Map.of("outcome", "EXPLAINED", "text", "已向群众解释相关政策。"));
        String code = f.get("service_code");
        String j = "?jurisdiction_id=" + stationCode;
        List<String[]> out = new ArrayList<>();
        out.add(new String[]{"POST requests", posted.body(), "service_requests"});
        for (String[] get : List.of(
                new String[]{"discovery." + format, "discovery"},
                new String[]{"services." + format + j, "services"},
                new String[]{"services." + format + "?jurisdiction_id=" + JIAOKOU, "services"},
                new String[]{"services/" + code + "." + format + j, "service_definition"},
                new String[]{"services/" + code + "." + format + "?jurisdiction_id=" + JIAOKOU, "service_definition"},
                new String[]{"requests." + format + j, "service_requests"},
                new String[]{"requests." + format + j + "&api_key=" + cityKey, "service_requests"},
                new String[]{"requests/" + id + "." + format + j, "service_requests"},
                new String[]{"requests/" + id + "." + format + j + "&api_key=" + cityKey, "service_requests"},
                new String[]{"tokens/" + token + "." + format, "service_requests"},
                new String[]{"requests/LL-20200101-000001." + format, "errors"})) {
            O311.Answer a = O311.get(client, get[0]);
            assertEquals(get[1].equals("errors") ? 404 : 200, a.status(), get[0] + ": " + a.body());
            out.add(new String[]{get[0], a.body(), get[1]});
        }
        return out;
    }

    @Test
    void everyXmlAnswerUsesOnlyTheSpecsElementNamesInUtf8() {
        List<String> problems = new ArrayList<>();
        for (String[] a : answers("xml")) {
            XmlSpec.check(a[1], a[2]).forEach(p -> problems.add(a[0] + ": " + p));
        }
        assertEquals(List.of(), problems);
        String services = O311.get(client, "services.xml?jurisdiction_id=" + stationCode).body();
        assertTrue(services.contains("<service_name>基础设施</service_name>"), services);
    }

    @Test
    @Tag("shared")
    void everyJsonAnswerValidatesAgainstTheOfficialGeoReportSchemas() {
        GeoReportSchemas schemas = new GeoReportSchemas();
        Map<String, String> schemaOf = Map.of("services", "services.json", "service_definition",
                "service-definition.json", "service_requests", "requests.json");
        List<String> problems = new ArrayList<>();
        int validated = 0;
        for (String[] a : answers("json")) {
            if (a[0].startsWith("POST") || a[0].startsWith("tokens") || a[2].equals("discovery")
                    || a[2].equals("errors")) {
                continue;   // the schema set has no schema for these answers
            }
            schemas.errors(schemaOf.get(a[2]), a[1]).forEach(e -> problems.add(a[0] + ": " + e));
            validated++;
        }
        assertEquals(List.of(), problems);
        assertEquals(8, validated);
    }

    @Test
    @Tag("shared")
    void theSchemaCheckRefusesAnAnswerThatBreaksTheSpec() {
        GeoReportSchemas schemas = new GeoReportSchemas();
        assertFalse(schemas.errors("requests.json",
                "[{\"service_request_id\":\"1\",\"status\":\"pending\",\"service_code\":\"1\","
                        + "\"requested_datetime\":\"yesterday\"}]").isEmpty());
        assertFalse(schemas.errors("requests.json", "[{\"service_request_id\":\"1\",\"status\":\"open\","
                + "\"service_code\":\"1\",\"requested_datetime\":\"2026-12-01 10:00\"}]").isEmpty(), "date-time format");
        assertEquals(List.of(), schemas.errors("requests.json", "[{\"service_request_id\":\"1\",\"status\":\"open\","
                + "\"service_code\":\"1\",\"requested_datetime\":\"2026-12-01T10:00:00+08:00\"}]"));
        assertFalse(schemas.errors("services.json", "[{\"service_code\":\"1\",\"service_name\":\"x\","
                + "\"metadata\":\"true\",\"type\":\"realtime\"}]").isEmpty());
    }
}
