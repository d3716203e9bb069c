package cn.mashang.security;

import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.mashang.Http.MAP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Object- and function-level authorisation, generated from Micronaut's route table: every protected route
 * (its {@code @Secured} values are not anonymous) is called by every staff role of station 清洁能源, by the
 * 离石区 admin and by a department of 孝义市 (DEPARTMENT), with each path variable filled with an object of ANOTHER scope (交口县 / station 水头) and a body
 * full of foreign ids. None may answer 2xx (nor 5xx). Routes added by later features are picked up by
 * themselves; a path variable this test cannot fill makes it FAIL, naming the route: add the variable to
 * {@link #foreign} (or the route to {@link #ALLOWED} with a reason).
 */
@MicronautTest(transactional = false)
class RouteScopeMatrixTest {
    /** Callers of another scope than the foreign objects, one per role. */
    static final List<String> CALLERS = List.of("lishi-admin", "head-qjny", "liaison-qjny", "13800000001",
            "dept-xiaoyi-zhujian");

    /**
     * Protected routes that legitimately answer 2xx to some of the callers above, whatever the foreign ids: they
     * are about the caller themselves or list only the caller's own scope (checked in their feature tests).
     * They are not called here (logout and password change would also end the caller's session).
     */
    static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("GET /api/v1/me", "who am I: the caller's own account"),
            Map.entry("POST /api/v1/me/password", "the caller's own password (TokenAuthenticationTest, MassAssignmentTest)"),
            Map.entry("POST /api/v1/auth/logout", "ends the caller's own sessions"),
            Map.entry("GET /api/v1/admin/accounts", "lists the admin's own region only (AdminApiTest)"),
            Map.entry("GET /api/v1/admin/notifications", "the admin's own region's outbox (OutboxTest)"),
            Map.entry("GET /api/v1/admin/pii-access", "the contact reveals of the admin's own region's concerns "
                    + "(ConcernIntakeTest#onlyTheCurrentHandlersSeeTheFullMobileWhileItIsOpenAndTheRegionAdminsReadEveryReveal)"),
            Map.entry("GET /api/v1/admin/notify-targets", "the admin's own region's notification targets (DepartmentLoopTest)"),
            Map.entry("GET /api/v1/admin/sla-rules", "the admin's own region's rules and the city-wide ones (SlaAdminScopeTest)"),
            Map.entry("GET /api/v1/admin/calendar/{year}", "the national working-day calendar, the same for every admin"),
            Map.entry("GET /api/v1/me/queue", "the caller's own queue (ConcernLifecycleHttpTest)"),
            Map.entry("GET /api/v1/concerns", "search lists only the caller's own scope; a foreign station= or region= "
                    + "answers 404 (ConcernSearchTest#nobodyFindsAConcernOutsideTheirScopeAndTheRegionAdminsAboveDo, ScopeMatrixTest)"),
            Map.entry("GET /api/v1/me/referrals", "a department's own inbox (DepartmentLoopTest)"),
            Map.entry("GET /api/v1/visits", "the calling deputy's own visits (VisitTest)"),
            Map.entry("GET /api/v1/suggestions", "the caller's own suggestions: a deputy's, the admin's region's, a "
                    + "unit's (SuggestionRoadTest#outsideTheirScopeCallersGet404AndOnlyDeputiesDraft)"),
            Map.entry("GET /api/v1/regions/{id}/points-scheme", "scoring rules, no personal data: every deputy may read "
                    + "how they are scored (the scheme is inherited down from the city); writes are scope-checked"));

    /**
     * Open311 GeoReport v2 (issue 23), outside /api: anonymous at the HTTP layer by design, each with the reason.
     * A new /open311 route fails {@link #open311RoutesAreAnonymousAndEachIsListedWithAReason} until listed here.
     */
    static final Map<String, String> OPEN311 = Map.ofEntries(
            Map.entry("GET /open311/v2/discovery.{format}", "public per the spec: the endpoint's description"),
            Map.entry("GET /open311/v2/services.{format}", "public per the spec: a jurisdiction's categories"),
            Map.entry("GET /open311/v2/services/{serviceCode}.{format}", "public per the spec: attributes, station "
                    + "names and public station codes only"),
            Map.entry("POST /open311/v2/requests.{format}", "needs the api_key of an active client whose region holds "
                    + "the station (Open311Test: missing/unknown/revoked key 403, foreign region 403)"),
            Map.entry("GET /open311/v2/requests.{format}", "public per the spec: status fields only; the text fields "
                    + "only with the filing client's api_key (Open311Test)"),
            Map.entry("GET /open311/v2/requests/{id}.{format}", "as GET requests"),
            Map.entry("GET /open311/v2/tokens/{token}.{format}", "public per the spec: token → service_request_id"));

    @Inject
    Router router;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    cn.mashang.notify.Outbox outbox;
    @Inject
    io.micronaut.data.jdbc.runtime.JdbcOperations jdbc;
    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx;
    BlockingHttpClient client;
    static Map<String, Object> foreign;

    record Route(HttpMethod method, String path, Set<String> roles, List<MediaType> consumes) {
        /** HEAD routes are Micronaut's automatic twins of GET routes: they share the GET's entry. */
        String key() {
            return (method == HttpMethod.HEAD ? HttpMethod.GET : method) + " " + path;
        }
    }

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        if (foreign == null) {
            foreign = foreignObjects();
        }
    }

    /** Objects of 交口县 (station 水头): none belongs to any caller's scope. Keyed by path variable or collection. */
    private Map<String, Object> foreignObjects() {
        long station = ids.station(DemoIds.SHUITOU);
        Map<String, Object> detail = client.retrieve(HttpRequest.GET("/api/v1/stations/" + station), MAP);
        String code = (String) detail.get("code");
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "category", "生活环境",
                "content", "矩阵测试：水头的反映 " + UUID.randomUUID()));
        Map<String, Object> submitted = client.retrieve(HttpRequest.POST("/api/v1/concerns", body)
                .header("Idempotency-Key", "matrix-" + UUID.randomUUID()).header("X-Forwarded-For", "10.77.0.1"), MAP);
        Map<String, Object> concern = client.retrieve(HttpRequest.GET("/api/v1/track/" + submitted.get("trackingNo")
                + "?key=" + submitted.get("key")), MAP);
        long concernId = ((Number) ((List<?>) client.retrieve(HttpRequest.GET("/api/v1/stations/" + station + "/queue")
                .bearerAuth(Logins.token(client, "head-shuitou")), MAP).get("items")).stream().map(m -> (Map<?, ?>) m)
                .filter(m -> submitted.get("trackingNo").equals(m.get("trackingNo"))).findFirst().orElseThrow()
                .get("id")).longValue();
        assertTrue(concern.containsKey("state"), concern::toString);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("stations", station);
        f.put("stationId", station);
        f.put("regions", ids.region("交口县"));
        f.put("regionId", ids.region("交口县"));
        f.put("deputies", ids.deputy("曹红梅"));
        f.put("deputyId", ids.deputy("曹红梅"));
        f.put("memberships", ids.membership(DemoIds.SHUITOU, "曹红梅"));
        f.put("departments", ids.department("交口县", "交口县住房和城乡建设局"));
        f.put("accounts", ids.account("liaison-shuitou"));
        f.put("concerns", concernId);
        f.put("concernId", concernId);
        f.put("referrals", concernId);
        f.put("code", code);
        f.put("codes", code);
        f.put("trackingNo", submitted.get("trackingNo"));
        // ids whose objects belong to no caller: unknown and out-of-scope must look alike (404)
        String head = Logins.token(client, "head-shuitou");
        f.put("sessions", ((Number) ((List<?>) client.retrieve(HttpRequest.GET("/api/v1/stations/" + station
                + "/sessions?upcoming=true"), cn.mashang.Http.LIST)).stream().map(m -> (Map<?, ?>) m).findFirst()
                .orElseThrow().get("id")).longValue());
        f.put("reception-rules", ((Number) ((List<?>) client.retrieve(HttpRequest.GET("/api/v1/stations/" + station
                + "/reception-rules").bearerAuth(head), cn.mashang.Http.LIST)).stream().map(m -> (Map<?, ?>) m)
                .findFirst().orElseThrow().get("id")).longValue());
        f.put("plans", ((Number) ((List<?>) client.retrieve(HttpRequest.GET("/api/v1/stations/" + station + "/plans"),
                cn.mashang.Http.LIST)).stream().map(m -> (Map<?, ?>) m).findFirst().orElseThrow().get("id")).longValue());
        Map<String, Object> o311 = client.retrieve(HttpRequest.POST("/api/v1/regions/" + ids.region("交口县")
                + "/open311-clients", Map.of("name", "矩阵测试客户端")).bearerAuth(Logins.token(client, "jiaokou-admin")), MAP);
        f.put("open311-clients", ((Number) ((Map<?, ?>) o311.get("client")).get("id")).longValue());
        f.put("photoId", 987654321L);
        // an item of 水头's checklist in force (station standards)
        f.put("itemId", ((Number) ((List<?>) client.retrieve(HttpRequest.GET("/api/v1/stations/" + station + "/standards")
                .bearerAuth(head), MAP).get("items")).stream().map(m -> (Map<?, ?>) m).findFirst().orElseThrow()
                .get("itemId")).longValue());
        f.put("communityId", ((Number) client.retrieve(HttpRequest.GET("/api/v1/stations/" + station + "/communities"),
                cn.mashang.Http.LIST).get(0).get("id")).longValue());
        // a suggestion 曹红梅 (head of 水头, a deputy) drafted from the 水头 concern
        f.put("suggestions", ((Number) client.retrieve(HttpRequest.POST("/api/v1/suggestions", Map.of("title", "矩阵建议",
                "body", "水头的建议", "sessionName", "县届人大会议", "category", "交通", "concernIds", List.of(concernId)))
                .bearerAuth(head), MAP).get("id")).longValue());
        long row = tx.executeWrite(status -> {
            outbox.enqueue(cn.mashang.notify.Channel.LOG, "default", "matrix", new cn.mashang.notify.NotificationMessage(
                    "矩阵测试", "水头站的通知"), "matrix-" + UUID.randomUUID(), station);
            long last = jdbc.prepareStatement("SELECT MAX(id) FROM notification_outbox", ps -> {
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            jdbc.prepareStatement("UPDATE notification_outbox SET status = 'FAILED' WHERE id = ?", ps -> {
                ps.setLong(1, last);
                return ps.executeUpdate();
            });
            return last;
        });
        f.put("notifications", row);   // a FAILED row about 水头: nobody outside 交口县 may retry it
        f.put("notify-targets", 987654321L);
        f.put("sla-rules", 987654321L);
        f.put("action", "accept");
        f.put("year", 2026);
        return f;
    }

    private List<Route> protectedRoutes(List<String> unclassified) {
        Map<String, Route> routes = new LinkedHashMap<>();
        router.uriRoutes().forEach(r -> {
            String path = r.getUriMatchTemplate().toPathString();
            if (!path.startsWith("/api/")) {
                return;
            }
            String[] secured = r.getAnnotationMetadata().stringValues(Secured.class);
            if (secured.length == 0) {
                unclassified.add(r.getHttpMethod() + " " + path + " has no @Secured: every controller needs one");
                return;
            }
            Set<String> roles = new TreeSet<>(Arrays.asList(secured));
            if (roles.equals(Set.of(SecurityRule.IS_ANONYMOUS))) {
                return;
            }
            Route route = new Route(r.getHttpMethod(), path, roles, r.getConsumes());
            routes.putIfAbsent(r.getHttpMethod() + " " + path, route);
        });
        return new ArrayList<>(routes.values());
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:?]+)[^}]*}");

    /** The route with each path variable replaced by a foreign object, or null when a variable is unknown. */
    private String fill(String path) {
        Matcher m = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String before = path.substring(0, m.start());
            String collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            Object value = name.equals("id") ? foreign.get(collection) : foreign.get(name);
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A body naming foreign objects in every field the write endpoints know. */
    private Map<String, Object> foreignBody() {
        Map<String, Object> b = new HashMap<>();
        b.put("stationId", foreign.get("stationId"));
        b.put("regionId", foreign.get("regionId"));
        b.put("parentId", foreign.get("regionId"));
        b.put("deputyId", foreign.get("deputyId"));
        b.put("departmentId", foreign.get("departments"));
        b.put("concernId", foreign.get("concernId"));
        b.put("name", "矩阵测试 " + UUID.randomUUID().toString().substring(0, 8));
        b.put("kind", "STATION");
        b.put("type", "REGIONAL");
        b.put("address", "交口县某街1号");
        b.put("levels", List.of("COUNTY"));
        b.put("role", "ADMIN");
        b.put("loginName", "matrix-" + UUID.randomUUID().toString().substring(0, 8));
        b.put("displayName", "矩阵");
        b.put("password", "Matrix2026x");
        b.put("note", "矩阵测试");
        b.put("reason", "矩阵测试");
        return b;
    }

    private int call(Route route, String path, String token) {
        MutableHttpRequest<Object> request = HttpRequest.create(route.method(), path);
        if (token != null) {
            request.bearerAuth(token);
        }
        if (route.method() == HttpMethod.POST || route.method() == HttpMethod.PUT || route.method() == HttpMethod.PATCH) {
            boolean json = route.consumes().isEmpty() || route.consumes().stream()
                    .anyMatch(t -> t.equals(MediaType.APPLICATION_JSON_TYPE) || t.equals(MediaType.ALL_TYPE));
            if (json) {
                request.body(foreignBody());
            } else {
                request.contentType(route.consumes().get(0)).body("date,kind,name\n2026-01-01,HOLIDAY,矩阵\n");
            }
        }
        try {
            return client.exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void everyProtectedRouteIsClassifiedSoNewRoutesCannotSlipThrough() {
        List<String> problems = new ArrayList<>();
        for (Route r : protectedRoutes(problems)) {
            if (!ALLOWED.containsKey(r.key()) && fill(r.path()) == null) {
                problems.add(r.key() + " has a path variable RouteScopeMatrixTest cannot fill with a foreign object: "
                        + "add it to foreignObjects() (or the route to ALLOWED with a reason)");
            }
        }
        Set<String> known = new TreeSet<>();
        protectedRoutes(new ArrayList<>()).forEach(r -> known.add(r.key()));
        ALLOWED.keySet().stream().filter(k -> !known.contains(k))
                .forEach(k -> problems.add("ALLOWED names " + k + ", which is no longer a protected route: remove it"));
        assertEquals(List.of(), problems);
        assertTrue(ALLOWED.keySet().stream().allMatch(k -> k.contains(" /api/")), "allow-list keys are 'METHOD /path'");
    }

    @Test
    void open311RoutesAreAnonymousAndEachIsListedWithAReason() {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        router.uriRoutes().forEach(r -> {
            String key = r.getHttpMethod() + " " + r.getUriMatchTemplate().toPathString();
            if (!key.contains(" /open311/") || r.getHttpMethod() == HttpMethod.HEAD) {
                return;
            }
            seen.add(key);
            if (!OPEN311.containsKey(key)) {
                problems.add(key + " is not listed in OPEN311 with a reason");
            }
            if (!Set.of(r.getAnnotationMetadata().stringValues(Secured.class)).equals(Set.of(SecurityRule.IS_ANONYMOUS))) {
                problems.add(key + " is not @Secured(IS_ANONYMOUS): it checks its api_key itself");
            }
        });
        OPEN311.keySet().stream().filter(k -> !seen.contains(k)).forEach(k -> problems.add("OPEN311 names " + k
                + ", which is no longer a route: remove it"));
        assertEquals(List.of(), problems);
    }

    @Test
    void noRoleGetsA2xxFromAnyProtectedRouteOnAnObjectOfAnotherScope() {
        List<String> breaches = new ArrayList<>();
        Map<Integer, Integer> statuses = new HashMap<>();
        List<Route> routes = protectedRoutes(new ArrayList<>()).stream()
                .filter(r -> !ALLOWED.containsKey(r.key()) && fill(r.path()) != null).toList();
        for (String caller : CALLERS) {
            String token = Logins.token(client, caller);
            for (Route r : routes) {
                int status = call(r, fill(r.path()), token);
                statuses.merge(status, 1, Integer::sum);
                if (status < 400 || status >= 500) {
                    breaches.add(caller + " → " + r.key() + " = " + status);
                }
            }
        }
        System.out.printf("route matrix: %d protected routes × %d callers, statuses %s%n", routes.size(), CALLERS.size(),
                statuses);
        assertTrue(routes.size() >= 30, "the route table was read: " + routes.size());
        assertEquals(List.of(), breaches);
    }

    @Test
    void withoutATokenEveryProtectedRouteAnswers401() {
        List<String> not401 = new ArrayList<>();
        for (Route r : protectedRoutes(new ArrayList<>())) {
            String path = fill(r.path());
            int status = call(r, path == null ? r.path().replaceAll("\\{[^}]+}", "1") : path, null);
            if (status != 401) {
                not401.add(r.key() + " = " + status);
            }
        }
        assertEquals(List.of(), not401);
    }

    // ---- issue 16: writes inside the caller's own region that name foreign objects in the body ----

    private Map<String, Object> exchange(MutableHttpRequest<?> request, List<Integer> status) {
        try {
            var r = client.exchange(request, cn.mashang.Http.MAP);
            status.add(r.code());
            return r.body() == null ? Map.of() : r.body();
        } catch (HttpClientResponseException e) {
            status.add(e.getStatus().getCode());
            return Map.of();
        }
    }

    private long create(String token, String path, Map<String, Object> body) {
        return ((Number) client.retrieve(HttpRequest.POST(path, body).bearerAuth(token), cn.mashang.Http.MAP)
                .get("id")).longValue();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A deputy whose home is 离石区 but who also sits in the 水头 station of 交口县 (seated by the city admin). */
    private long spanningDeputy(String city) {
        long deputy = create(city, "/api/v1/admin/deputies", Map.of("name", "跨区代表" + unique(), "levels",
                List.of("CITY"), "regionId", ids.region("离石区")));
        create(city, "/api/v1/admin/memberships", Map.of("stationId", ids.station(DemoIds.HEPING), "deputyId", deputy));
        create(city, "/api/v1/admin/memberships", Map.of("stationId", ids.station(DemoIds.SHUITOU), "deputyId", deputy));
        return deputy;
    }

    /**
     * Generated over every POST/PUT route whose path the 离石区 admin can fill with objects of its own region
     * (freshly created, so the writes harm nothing) × every id property of the route's body type × the values of an
     * enum {@code role} property: with that one id naming an object outside the region — of 交口县, or a 离石区
     * deputy who also sits in 交口县 — no write may succeed and store it. The same body with only own objects does
     * succeed on the account and membership routes (the test can fail).
     */
    @Test
    void noWriteInsideTheAdminsRegionStoresAForeignObjectNamedInItsBody() {
        String admin = Logins.token(client, "lishi-admin");
        String city = Logins.token(client, "lvliang-admin");
        long region = ids.region("离石区");
        long station = create(admin, "/api/v1/admin/stations", Map.of("regionId", region, "name", "矩阵自有站" + unique(),
                "kind", "STATION", "type", "REGIONAL", "address", "离石区某路1号"));
        long deputy = create(admin, "/api/v1/admin/deputies", Map.of("name", "自有代表" + unique(), "levels",
                List.of("COUNTY"), "regionId", region));
        long seated = create(admin, "/api/v1/admin/deputies", Map.of("name", "自有代表" + unique(), "levels",
                List.of("COUNTY"), "regionId", region));
        long membership = create(admin, "/api/v1/admin/memberships", Map.of("stationId", station, "deputyId", seated));
        long department = create(admin, "/api/v1/admin/departments", Map.of("regionId", region, "name", "自有单位" + unique()));
        long account = create(admin, "/api/v1/admin/accounts", Map.of("loginName", "own-" + unique(), "displayName",
                "自有账号", "password", "Matrix2026x", "role", "LIAISON", "stationId", station));
        Map<String, Object> own = Map.of("regions", region, "stations", station, "deputies", deputy,
                "memberships", membership, "departments", department, "accounts", account);
        Map<String, Object> ownIds = Map.of("regionId", region, "parentId", region, "stationId", station,
                "deputyId", deputy, "departmentId", department);
        Object spanning = spanningDeputy(city);
        Map<String, List<Object>> foreignIds = Map.of("regionId", List.of(foreign.get("regionId")),
                "parentId", List.of(foreign.get("regionId")), "stationId", List.of(foreign.get("stationId")),
                "deputyId", List.of(foreign.get("deputyId"), spanning),
                "departmentId", List.of(foreign.get("departments")));
        List<String> breaches = new ArrayList<>();
        Set<String> live = new TreeSet<>();
        int probes = 0;
        for (ApiRoutes.Route r : ApiRoutes.api(router)) {
            if (!(r.method() == HttpMethod.POST || r.method() == HttpMethod.PUT) || !r.roles().contains("ADMIN")
                    || r.body().isEmpty()) {
                continue;
            }
            String path = fillWith(r.path(), own);
            var bi = io.micronaut.core.beans.BeanIntrospector.SHARED.findIntrospection(r.body().get().getType());
            if (path == null || bi.isEmpty()) {
                continue;
            }
            List<String> props = bi.get().getBeanProperties().stream().map(p -> p.getName()).toList();
            List<Object> roles = bi.get().getProperty("role").map(p -> p.getType().isEnum()
                    ? List.<Object>of(p.getType().getEnumConstants()) : List.<Object>of("ADMIN")).orElse(List.of("ADMIN"));
            for (Object role : roles) {
                Map<String, Object> base = foreignBody();
                base.put("role", role.toString());
                base.putAll(ownIds);
                base.put("password", "Matrix2026x");
                List<Integer> status = new ArrayList<>();
                exchange(HttpRequest.create(r.method(), path).body(fresh(base)).bearerAuth(admin), status);
                if (status.get(0) < 300) {
                    live.add(r.key() + " role=" + role);
                }
                for (String field : ownIds.keySet()) {
                    if (!props.contains(field)) {
                        continue;
                    }
                    for (Object alien : foreignIds.get(field)) {
                        if (r.path().equals("/api/v1/admin/memberships") && alien.equals(spanning)) {
                            continue;   // a seat spans its station and the deputy's HOME only: both are in 离石区
                        }
                        Map<String, Object> body = fresh(base);
                        body.put(field, alien);
                        List<Integer> st = new ArrayList<>();
                        Map<String, Object> answer = exchange(HttpRequest.create(r.method(), path).body(body)
                                .bearerAuth(admin), st);
                        probes++;
                        if (st.get(0) < 300 && String.valueOf(alien).equals(String.valueOf(answer.get(field)))) {
                            breaches.add(r.key() + " role=" + role + " stored " + field + "=" + alien + " (" + st + ")");
                        }
                    }
                }
            }
        }
        System.out.printf("body matrix: %d probes; own-scope writes that succeed: %s%n", probes, live);
        assertTrue(live.contains("POST /api/v1/admin/accounts role=STATION_HEAD")
                && live.stream().anyMatch(l -> l.startsWith("POST /api/v1/admin/memberships ")), live::toString);
        assertEquals(List.of(), breaches);
    }

    /**
     * Objects that span regions belong to their common ancestor: every admin route on an account or deputy (path
     * {id}) refuses the 离石区 admin for a 离石区 deputy seated in 交口县 too, and for that deputy's login; the city
     * admin may act (reset the password).
     */
    @Test
    void anObjectReachingAnotherRegionIsManagedByTheCommonAncestorOnly() {
        String admin = Logins.token(client, "lishi-admin");
        String city = Logins.token(client, "lvliang-admin");
        long deputy = spanningDeputy(city);
        long account = create(city, "/api/v1/admin/accounts", Map.of("loginName", "span-" + unique(),
                "displayName", "跨区代表账号", "password", "Matrix2026x", "role", "DEPUTY", "deputyId", deputy));
        List<String> breaches = new ArrayList<>();
        int probed = 0;
        for (ApiRoutes.Route r : ApiRoutes.api(router)) {
            Long id = r.path().startsWith("/api/v1/admin/accounts/{id}") ? Long.valueOf(account)
                    : r.path().startsWith("/api/v1/admin/deputies/{id}") ? Long.valueOf(deputy) : null;
            if (id == null) {
                continue;
            }
            MutableHttpRequest<Object> request = HttpRequest.create(r.method(), r.path().replace("{id}", id.toString()));
            if (r.method() == HttpMethod.POST || r.method() == HttpMethod.PUT) {
                Map<String, Object> body = foreignBody();
                body.putAll(Map.of("role", "DEPUTY", "deputyId", deputy, "regionId", ids.region("离石区"),
                        "password", "Matrix2026x", "name", "跨区代表改名"));
                request.body(body);
            }
            int status = call(new Route(r.method(), r.path(), r.roles(), List.of()), request.getPath(), admin, request);
            probed++;
            if (status < 400 || status >= 500) {
                breaches.add(r.key() + " = " + status);
            }
        }
        assertTrue(probed >= 6, "account and deputy routes were found: " + probed);
        assertEquals(List.of(), breaches);
        assertEquals(200, client.exchange(HttpRequest.POST("/api/v1/admin/accounts/" + account + "/password",
                Map.of("password", "Ancestor2026x")).bearerAuth(city), String.class).code());
    }

    private int call(Route route, String path, String token, MutableHttpRequest<Object> request) {
        request.bearerAuth(token);
        try {
            return client.exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static Map<String, Object> fresh(Map<String, Object> base) {
        Map<String, Object> b = new HashMap<>(base);
        b.put("name", "矩阵" + unique());
        b.put("loginName", "m-" + unique());
        b.put("displayName", "矩阵" + unique());
        return b;
    }

    private static String fillWith(String path, Map<String, Object> own) {
        Matcher m = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = path.substring(0, m.start());
            String collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            Object value = m.group(1).equals("id") ? own.get(collection) : null;
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
