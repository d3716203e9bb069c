package cn.mashang.suggestion;

import cn.mashang.Db;
import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.calendar.WorkingCalendar;
import cn.mashang.common.Times;
import cn.mashang.concern.Intake;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.mashang.Http.get;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 代表建议 over HTTP (issue 24): drafted from concerns, registered, assigned, replied, rated, handled twice. */
@MicronautTest(transactional = false)
class SuggestionRoadTest {
    static final String DEPUTY = "13800000001";   // 王建华, a deputy of station 清洁能源
    static final String ADMIN = "lvliang-admin";
    static final String LEAD = "dept-xiaoyi-zhujian";
    static final String CO = "dept-xiaoyi-jiaotong";
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DemoIds ids;
    @Inject
    WorkingCalendar calendar;
    BlockingHttpClient client;
    String code;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        code = (String) get(client, "/api/v1/stations/" + ids.station(DemoIds.QJNY)).get("code");
    }

    record Submitted(long id, Map<String, Object> answer) {
    }

    Submitted concern(String content) {
        var answer = Intake.submit(client, Intake.body(code, content));
        return new Submitted(Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", answer.get("trackingNo")), answer);
    }

    Map<String, Object> draft(String token, List<Long> concerns) {
        return client.retrieve(HttpRequest.POST("/api/v1/suggestions", Map.of("title", "关于解决老旧小区雨污分流的建议",
                "body", "多名群众反映小区雨天积水，需统筹改造雨污管网。", "sessionName", "市三届人大八次会议",
                "category", "城乡建设", "concernIds", concerns,
                "jointDeputyIds", List.of(ids.deputy("吴秀英")))).bearerAuth(token), Http.MAP);
    }

    static HttpRequest<?> action(String token, Object id, String action, Map<String, Object> body) {
        return HttpRequest.POST("/api/v1/suggestions/" + id + "/actions/" + action, body).bearerAuth(token);
    }

    Map<String, Object> act(String login, Object id, String action, Object... kv) {
        return SuggestionCalls.act(client, login, id, action, kv);
    }

    static List<Object> types(Map<String, Object> view) {
        return list(view.get("timeline")).stream().map(e -> e.get("type")).toList();
    }

    @Test
    void aSuggestionFromTwoConcernsIsRegisteredAssignedRepliedRatedDissatisfiedRepliedAgainAndRatedSatisfied() {
        var a = concern("建议之路：小区雨天积水严重，雨水管道不通");
        var b = concern("建议之路：下雨时污水从井盖冒出来");
        var s = draft(Logins.token(client, DEPUTY), List.of(a.id(), b.id()));
        Object id = s.get("id");
        assertEquals("SUBMITTED", s.get("state"));
        assertEquals("王建华", map(s.get("author")).get("name"));
        assertEquals(List.of("吴秀英"), list(s.get("jointDeputies")).stream().map(p -> p.get("name")).toList());
        assertEquals(List.of(a.id(), b.id()), list(s.get("concerns")).stream()
                .map(c -> ((Number) c.get("id")).longValue()).toList());
        assertEquals(List.of(), s.get("allowedActions"));

        String number = "JY-" + UUID.randomUUID().toString().substring(0, 8);
        var v = act(ADMIN, id, "register", "number", number);
        assertEquals("REGISTERED", v.get("state"));
        assertEquals(number, v.get("number"));
        var unit = ids.department("孝义市", "孝义市住房和城乡建设局");
        var co = ids.department("孝义市", "孝义市交通运输局");
        v = act(ADMIN, id, "assign", "leadDepartmentId", unit, "coDepartmentIds", List.of(co), "replyWorkingDays", 20);
        assertEquals("ASSIGNED", v.get("state"));
        assertEquals("孝义市住房和城乡建设局", map(v.get("leadUnit")).get("name"));
        assertEquals(List.of("孝义市交通运输局"), list(v.get("coUnits")).stream().map(p -> p.get("name")).toList());
        var due = OffsetDateTime.parse((String) v.get("replyDue")).toLocalDate();
        assertEquals(calendar.addWorkingDays(Times.now(), 20).atZone(Times.ZONE).toLocalDate(), due,
                "the reply deadline runs on the working-day calendar");

        var coView = get(client, "/api/v1/suggestions/" + id, Logins.token(client, CO));
        assertEquals(List.of(), coView.get("allowedActions"), "a co-unit sees it but the lead unit replies");
        assertEquals(List.of("reply"), get(client, "/api/v1/suggestions/" + id, Logins.token(client, LEAD)).get("allowedActions"));
        v = act(LEAD, id, "reply", "text", "已列入今年雨污分流改造计划，年内完成两处小区。");
        assertEquals("REPLIED", v.get("state"));
        assertEquals(List.of("rate"), get(client, "/api/v1/suggestions/" + id, Logins.token(client, DEPUTY)).get("allowedActions"));

        v = act(DEPUTY, id, "rate", "rating", "DISSATISFIED", "comment", "只覆盖两处小区，其余未安排");
        assertEquals("ASSIGNED", v.get("state"), "不满意 starts the second handling");
        assertEquals(2, ((Number) v.get("round")).intValue());
        v = act(ADMIN, id, "reply", "text", "承办单位二次答复：其余小区纳入明年计划并已落实资金。");
        assertEquals("REPLIED", v.get("state"));
        v = act(DEPUTY, id, "rate", "rating", "SATISFIED");
        assertEquals("CLOSED", v.get("state"));
        assertEquals("满意", v.get("ratingLabel"));
        assertEquals(List.of("SUBMITTED", "REGISTERED", "ASSIGNED", "REPLIED", "RATED", "REOPENED", "REPLIED", "RATED"),
                types(v));
        var replies = list(v.get("timeline")).stream().filter(e -> "REPLIED".equals(e.get("type"))).toList();
        assertEquals(List.of(1, 2), replies.stream().map(e -> ((Number) e.get("round")).intValue()).toList());
        assertEquals("孝义市住房和城乡建设局", replies.get(0).get("unitName"));
    }

    @Test
    void theResidentsTrackingPagesShowThatTheirConcernBecameASuggestionAndHowItStands() {
        var a = concern("跟踪页：路灯长期不亮，夜间出行不便");
        var before = get(client, Intake.trackUri(a.answer()));
        assertEquals(List.of(), before.get("suggestions"));
        var s = draft(Logins.token(client, DEPUTY), List.of(a.id()));
        var link = list(get(client, Intake.trackUri(a.answer())).get("suggestions")).get(0);
        assertEquals("关于解决老旧小区雨污分流的建议", link.get("title"));
        assertEquals("市三届人大八次会议", link.get("sessionName"));
        assertEquals("已提交", link.get("stateLabel"));
        String number = "JY-" + UUID.randomUUID().toString().substring(0, 8);
        act(ADMIN, s.get("id"), "register", "number", number);
        link = list(get(client, Intake.trackUri(a.answer())).get("suggestions")).get(0);
        assertEquals(number, link.get("number"));
        assertEquals("REGISTERED", link.get("state"));
        assertTrue(!link.containsKey("body") && !link.containsKey("author"), "the resident sees no deputy's draft text");
    }

    @Test
    void fieldsAreNamedStaleVersionsConflictAndWrongRolesOrStatesAreRefused() {
        var a = concern("校验：楼道堆放杂物存在消防隐患");
        String deputy = Logins.token(client, DEPUTY);
        var p = problem(client, HttpRequest.POST("/api/v1/suggestions", Map.of("title", "缺正文", "concernIds",
                List.of(a.id()))).bearerAuth(deputy), 400);
        assertEquals("body", list(p.get("errors")).get(0).get("field"));
        var s = draft(deputy, List.of(a.id()));
        Object id = s.get("id");
        String admin = Logins.token(client, ADMIN);
        p = problem(client, action(admin, id, "register", Map.of("version", 0)), 400);
        assertEquals("number", list(p.get("errors")).get(0).get("field"));
        p = problem(client, action(admin, id, "register", Map.of("number", "X-1")), 400);
        assertEquals("version", list(p.get("errors")).get(0).get("field"));
        problem(client, action(admin, id, "register", Map.of("version", 7, "number", "X-1")), 409);
        problem(client, action(deputy, id, "register", Map.of("version", 0, "number", "X-1")), 403);
        problem(client, action(admin, id, "reply", Map.of("version", 0, "text", "还没交办")), 409);
        p = problem(client, action(admin, id, "assign", Map.of("version", 0)), 409);
        assertEquals(409, ((Number) p.get("status")).intValue());
        problem(client, action(admin, id, "withdraw", Map.of("version", 0)), 404);
    }

    @Test
    void outsideTheirScopeCallersGet404AndOnlyDeputiesDraft() {
        var a = concern("范围：公交站台缺少遮雨棚");
        var s = draft(Logins.token(client, DEPUTY), List.of(a.id()));
        String path = "/api/v1/suggestions/" + s.get("id");
        for (String stranger : List.of("lishi-admin", "13800000014", "head-shuitou", "dept-xiaoyi-zhujian")) {
            problem(client, HttpRequest.GET(path).bearerAuth(Logins.token(client, stranger)), 404);
            assertTrue(list(client.retrieve(HttpRequest.GET("/api/v1/suggestions?size=50").bearerAuth(Logins.token(client, stranger)),
                    Http.MAP).get("items")).stream().noneMatch(i -> s.get("id").equals(i.get("id"))), stranger);
        }
        assertEquals(200, client.exchange(HttpRequest.GET(path).bearerAuth(Logins.token(client, ADMIN))).code());
        assertEquals(200, client.exchange(HttpRequest.GET(path).bearerAuth(Logins.token(client, "head-qjny"))).code(),
                "吴秀英 is not head-qjny, but 王建华 is: the head is the author");
        problem(client, HttpRequest.POST("/api/v1/suggestions", Map.of("title", "越权", "body", "从别站的反映起草",
                "sessionName", "市三届人大八次会议", "category", "交通", "concernIds", List.of(a.id())))
                .bearerAuth(Logins.token(client, "13800000014")), 404);
        problem(client, HttpRequest.POST("/api/v1/suggestions", Map.of("title", "联络员", "body", "联络员不能提建议",
                "sessionName", "市三届人大八次会议", "category", "交通", "concernIds", List.of(a.id())))
                .bearerAuth(Logins.token(client, "liaison-qjny")), 403);
    }

    @Test
    void theListIsPagedNewestFirstByTheKeysetCursorAndFiltersOneState() {
        String deputy = Logins.token(client, DEPUTY);
        var older = draft(deputy, List.of(concern("翻页：小区健身器材损坏").id()));
        var newer = draft(deputy, List.of(concern("翻页：河道垃圾无人清理").id()));
        act(ADMIN, older.get("id"), "register", "number", "JY-" + UUID.randomUUID().toString().substring(0, 8));
        var first = client.retrieve(HttpRequest.GET("/api/v1/suggestions?size=1").bearerAuth(deputy), Http.MAP);
        assertEquals(List.of(newer.get("id")), list(first.get("items")).stream().map(i -> i.get("id")).toList());
        String cursor = (String) first.get("nextCursor");
        var second = client.retrieve(HttpRequest.GET("/api/v1/suggestions?size=1&cursor=" + cursor).bearerAuth(deputy), Http.MAP);
        assertEquals(List.of(older.get("id")), list(second.get("items")).stream().map(i -> i.get("id")).toList());
        var registered = list(client.retrieve(HttpRequest.GET("/api/v1/suggestions?state=REGISTERED&size=50")
                .bearerAuth(Logins.token(client, ADMIN)), Http.MAP).get("items"));
        assertTrue(registered.stream().anyMatch(i -> older.get("id").equals(i.get("id"))));
        assertTrue(registered.stream().allMatch(i -> "REGISTERED".equals(i.get("state"))));
        assertTrue(registered.stream().noneMatch(i -> newer.get("id").equals(i.get("id"))));
        for (String bad : List.of("state=OPEN", "cursor=%21%21", "size=51")) {
            var p = problem(client, HttpRequest.GET("/api/v1/suggestions?" + bad).bearerAuth(deputy), 400);
            assertEquals(bad.substring(0, bad.indexOf('=')), list(p.get("errors")).get(0).get("field"));
        }
    }

    /** The count and points of an item of the deputy's archive this year. */
    java.math.BigDecimal[] item(String login, String deputy, String key) {
        var a = get(client, "/api/v1/deputies/" + ids.deputy(deputy) + "/archive", Logins.token(client, login));
        var i = list(a.get("classes")).stream().flatMap(c -> list(c.get("items")).stream())
                .filter(x -> key.equals(x.get("key"))).findFirst().orElseThrow();
        return new java.math.BigDecimal[]{new java.math.BigDecimal(i.get("count").toString()),
                new java.math.BigDecimal(i.get("points").toString()), new java.math.BigDecimal(a.get("totalPoints").toString())};
    }

    @Test
    void theArchiveCountsSuggestionsForTheAuthorAndJointDeputiesAndTheirSatisfiedOutcomeByItself() {
        var before = item(DEPUTY, "王建华", "SUGGESTIONS_SUBMITTED");
        var jointBefore = item("head-qjny", "吴秀英", "SUGGESTIONS_SUBMITTED");
        var satisfiedBefore = item(DEPUTY, "王建华", "SUGGESTIONS_SATISFIED");
        var s = draft(Logins.token(client, DEPUTY), List.of(concern("档案：菜市场周边垃圾清运不及时").id()));
        var after = item(DEPUTY, "王建华", "SUGGESTIONS_SUBMITTED");
        assertEquals(before[0].add(java.math.BigDecimal.ONE), after[0]);
        assertEquals(after[0].multiply(new java.math.BigDecimal(2)).min(new java.math.BigDecimal(10)).stripTrailingZeros(),
                after[1].stripTrailingZeros(),
                "2 points a suggestion, at most 10");
        assertEquals(jointBefore[0].add(java.math.BigDecimal.ONE), item("head-qjny", "吴秀英", "SUGGESTIONS_SUBMITTED")[0]);
        assertEquals(satisfiedBefore[0], item(DEPUTY, "王建华", "SUGGESTIONS_SATISFIED")[0]);

        Object id = s.get("id");
        act(ADMIN, id, "register", "number", "JY-" + UUID.randomUUID().toString().substring(0, 8));
        act(ADMIN, id, "assign", "leadDepartmentId", ids.department("孝义市", "孝义市住房和城乡建设局"));
        act(LEAD, id, "reply", "text", "已增加清运频次至每日两次。");
        act(DEPUTY, id, "rate", "rating", "BASICALLY_SATISFIED");
        var satisfied = item(DEPUTY, "王建华", "SUGGESTIONS_SATISFIED");
        assertEquals(satisfiedBefore[0].add(java.math.BigDecimal.ONE), satisfied[0]);
        assertTrue(satisfied[1].compareTo(satisfiedBefore[1]) > 0 || satisfied[1].compareTo(new java.math.BigDecimal(5)) == 0,
                "1 point a satisfied suggestion, at most 5");
        var p = problem(client, HttpRequest.POST("/api/v1/deputies/" + ids.deputy("王建华") + "/archive/entries",
                Map.of("year", 2026, "key", "SUGGESTIONS_SUBMITTED", "quantity", 1)).bearerAuth(Logins.token(client, "head-qjny")), 400);
        assertEquals("key", list(p.get("errors")).get(0).get("field"), "no manual counter for suggestions any more");
    }
}
