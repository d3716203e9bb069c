package cn.mashang.concern.lifecycle;

import cn.mashang.concern.Intake;
import cn.mashang.Db;

import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.common.JobLock;
import cn.mashang.common.Times;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.mashang.Http.get;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The life cycle over HTTP with real demo tokens: every path, every refusal, queues, the record, auto-close. */
@MicronautTest(transactional = false)
class ConcernLifecycleHttpTest {
    static final String DEPUTY_MOBILE = "13800000001"; // 王建华, deputy of the 清洁能源 station
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DemoIds ids;
    @Inject
    AutoCloseJob autoClose;
    @Inject
    JobLock jobLock;
    BlockingHttpClient client;
    String head;
    String liaison;
    String deputy;
    long station;
    String code;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        head = Logins.token(client, "head-qjny");
        liaison = Logins.token(client, "liaison-qjny");
        deputy = Logins.token(client, DEPUTY_MOBILE);
        station = ids.station(DemoIds.QJNY);
        code = (String) get(client, "/api/v1/stations/" + station).get("code");
    }

    // ------------------------------------------------------------------ helpers

    record Submitted(long id, Map<String, Object> answer) {
        String trackUri() {
            return Intake.trackUri(answer);
        }
    }

    private Submitted submit(String content) {
        var answer = Intake.submit(client, Intake.withContact(Intake.body(code, content)));
        long id = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", answer.get("trackingNo"));
        return new Submitted(id, answer);
    }

    private Map<String, Object> detail(String token, long id) {
        return client.retrieve(HttpRequest.GET("/api/v1/concerns/" + id).bearerAuth(token), Http.MAP);
    }

    private long version(long id) {
        return ((Number) detail(head, id).get("version")).longValue();
    }

    private HttpRequest<?> action(String token, long id, String action, Map<String, Object> body) {
        return HttpRequest.POST("/api/v1/concerns/" + id + "/actions/" + action, body).bearerAuth(token);
    }

    /** Performs an action with the current version; answers the detail afterwards. */
    private Map<String, Object> act(String token, long id, String action, Object... kv) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version(id));
        for (int i = 0; i + 1 < kv.length; i += 2) {
            body.put((String) kv[i], kv[i + 1]);
        }
        return client.retrieve(action(token, id, action, body), Http.MAP);
    }

    private Map<String, Object> track(Submitted s) {
        return get(client, s.trackUri());
    }

    private static List<Object> types(Map<String, Object> view) {
        return list(view.get("timeline")).stream().map(e -> e.get("type")).toList();
    }

    private Map<String, Object> rate(Submitted s, String rating) {
        return client.retrieve(HttpRequest.POST(s.trackUri().replace("?", "/rating?"), Map.of("rating", rating)), Http.MAP);
    }

    private long departmentId(long id) {
        var deps = list(map(detail(head, id).get("options")).get("departments"));
        return ((Number) deps.get(0).get("id")).longValue();
    }

    // ------------------------------------------------------------------ the whole road

    @Test
    void aConcernWalksTheWholeRoadFromSubmissionToSatisfiedRating() {
        var s = submit("全流程：园区道路破损，货车通行困难");
        var d = act(deputy, s.id(), "accept");
        assertEquals("ACCEPTED", d.get("state"));
        assertEquals(ids.deputy("王建华"), ((Number) d.get("assigneeDeputyId")).longValue());
        assertNotNull(d.get("firstResponseAt"));

        d = act(deputy, s.id(), "reply", "text", "已收到，正在联系园区管委会核实");
        assertEquals("ANSWERED", d.get("state"));
        var view = track(s);
        assertEquals("ANSWERED", view.get("state"));
        assertTrue(list(view.get("timeline")).stream().anyMatch(e -> "已收到，正在联系园区管委会核实".equals(e.get("body"))));

        act(deputy, s.id(), "note", "text", "内部：管委会王主任电话 13800000088");
        d = detail(deputy, s.id());
        var note = list(d.get("timeline")).stream().filter(e -> "NOTE".equals(e.get("type"))).findFirst().orElseThrow();
        assertEquals(true, note.get("internal"));
        String tracking = client.retrieve(HttpRequest.GET(s.trackUri()), String.class);
        assertFalse(tracking.contains("管委会王主任"), tracking);
        assertFalse(tracking.contains("13800000088"), tracking);
        assertFalse(tracking.contains(DEPUTY_MOBILE), tracking);
        assertFalse(tracking.contains("NOTE"), tracking);

        String deadline = LocalDate.now(Times.ZONE).plusDays(10).toString();
        d = act(deputy, s.id(), "refer", "departmentId", departmentId(s.id()), "deadline", deadline);
        assertEquals("REFERRED", d.get("state"));
        String due = (String) d.get("departmentDeadline");
        assertTrue(due.startsWith(deadline + "T23:59:59"), due);

        String later = LocalDate.now(Times.ZONE).plusDays(20).toString();
        d = act(deputy, s.id(), "request-extension", "until", later, "text", "需要等待年度预算");
        assertEquals("REFERRED", d.get("state"));
        assertNotNull(d.get("pendingExtension"));
        assertTrue(((List<?>) d.get("allowedActions")).contains("resolve"));
        assertFalse(((List<?>) detail(liaison, s.id()).get("allowedActions")).contains("approve-extension"));
        // the head is 王建华, the handling deputy who asked: separation of duties sends it to the committee
        assertFalse(((List<?>) detail(head, s.id()).get("allowedActions")).contains("approve-extension"));
        var refused = problem(client, action(liaison, s.id(), "approve-extension", Map.of("version", version(s.id()))), 403);
        assertEquals("REFERRED", refused.get("currentState"));
        String committee = Logins.token(client, "lvliang-admin");
        assertTrue(((List<?>) detail(committee, s.id()).get("allowedActions")).contains("approve-extension"));

        d = act(committee, s.id(), "approve-extension", "text", "同意");
        assertEquals("EXTENDED", d.get("state"));
        assertNull(d.get("pendingExtension"));
        assertTrue(((String) d.get("departmentDeadline")).startsWith(later));

        d = act(liaison, s.id(), "department-answer", "text", "已列入下月维修计划");
        assertEquals("ANSWERED", d.get("state"));

        d = act(deputy, s.id(), "resolve", "outcome", "SOLVED", "text", "道路已修复");
        assertEquals("RESOLVED", d.get("state"));
        assertEquals("SOLVED", d.get("outcome"));
        assertNotNull(d.get("resolvedAt"));

        view = rate(s, "DISSATISFIED");
        assertEquals("ACCEPTED", view.get("state"));
        assertEquals(1, ((Number) view.get("reopenCount")).intValue());
        d = detail(deputy, s.id());
        assertEquals(1, ((Number) d.get("reopenCount")).intValue());
        assertNull(d.get("resolvedAt"));

        d = act(deputy, s.id(), "resolve", "outcome", "EXPLAINED", "text", "已再次修补并说明后续养护安排");
        assertEquals("RESOLVED", d.get("state"));
        view = rate(s, "SATISFIED");
        assertEquals("CLOSED", view.get("state"));
        assertEquals("满意", view.get("ratingLabel"));

        assertEquals(List.of("SUBMITTED", "ACCEPTED", "REPLIED", "REFERRED", "EXTENDED", "DEPARTMENT_ANSWERED",
                "RESOLVED", "RATED", "REOPENED", "RESOLVED", "RATED"), types(view));
        assertEquals(List.of("SUBMITTED", "ACCEPTED", "REPLIED", "NOTE", "REFERRED", "EXTENSION_REQUESTED", "EXTENDED",
                "DEPARTMENT_ANSWERED", "RESOLVED", "RATED", "REOPENED", "RESOLVED", "RATED"), types(detail(head, s.id())));
        assertEquals(13, Db.count(tx, "SELECT COUNT(*) FROM concern_event WHERE concern_id = ?", s.id()));
        assertEquals(List.of(), detail(head, s.id()).get("allowedActions") instanceof List<?> l
                ? l.stream().filter(a -> !a.equals("note")).toList() : null);
    }

    @Test
    void theResidentSeesTheReplyAndOutcomeButNeverNotesOrStaffNumbers() {
        var s = submit("隐私：夜间施工噪音扰民");
        act(liaison, s.id(), "reply", "text", "已转告施工单位，夜间停止作业");
        act(liaison, s.id(), "note", "text", "联络员私下记录：施工方负责人 13800000077");
        act(liaison, s.id(), "resolve", "outcome", "SOLVED", "text", "夜间施工已停止");
        String json = client.retrieve(HttpRequest.GET(s.trackUri()), String.class);
        assertTrue(json.contains("已转告施工单位，夜间停止作业"));
        assertTrue(json.contains("已解决"));
        assertFalse(json.contains("联络员私下记录"));
        assertFalse(json.contains("13800000077"));
        assertFalse(json.contains(DEPUTY_MOBILE));
        assertFalse(json.contains("孝义联络员"), "staff names stay off the tracking page");
        assertEquals("SOLVED", track(s).get("outcome"));
    }

    @Test
    void aLiaisonRejectsAConcernAndTheResidentSeesTheReason() {
        var s = submit("不予受理：要求调解邻里私人债务纠纷");
        problem(client, action(deputy, s.id(), "reject", Map.of("version", version(s.id()), "text", "x")), 403);
        var d = act(liaison, s.id(), "reject", "text", "属于民事纠纷，请通过人民调解或诉讼途径解决");
        assertEquals("REJECTED", d.get("state"));
        assertNotNull(d.get("firstResponseAt"));
        var view = track(s);
        assertEquals("REJECTED", view.get("state"));
        assertTrue(list(view.get("timeline")).stream().anyMatch(e -> "REJECTED".equals(e.get("type"))
                && "属于民事纠纷，请通过人民调解或诉讼途径解决".equals(e.get("body"))));
        var again = problem(client, action(liaison, s.id(), "accept", Map.of("version", version(s.id()))), 409);
        assertEquals("REJECTED", again.get("currentState"));
        problem(client, action(liaison, s.id(), "reject", Map.of("version", version(s.id()))), 409);
    }

    @Test
    void aRejectionNeedsAReason() {
        var s = submit("不予受理缺少理由");
        var p = problem(client, action(liaison, s.id(), "reject", Map.of("version", version(s.id()))), 400);
        assertTrue(p.toString().contains("text"));
        assertEquals("SUBMITTED", detail(head, s.id()).get("state"));
    }

    @Test
    void mergingMakesTheDuplicateFollowTheSurvivingConcern() {
        var first = submit("合并：小区门口路灯不亮已经一周");
        var dup = submit("合并：小区门口那盏路灯坏了好几天");
        act(deputy, first.id(), "accept");
        var d = act(liaison, dup.id(), "merge", "intoId", first.id());
        assertEquals("RESOLVED", d.get("state"));
        assertEquals("DUPLICATE_MERGED", d.get("outcome"));
        assertEquals(first.id(), ((Number) map(d.get("mergedInto")).get("id")).longValue());
        var survivor = detail(head, first.id());
        assertEquals(1, ((Number) survivor.get("meTooCount")).intValue());
        assertEquals(dup.id(), ((Number) list(survivor.get("mergedFrom")).get(0).get("id")).longValue());

        act(deputy, first.id(), "reply", "text", "路灯已报修，明天更换");
        var view = track(dup);
        assertEquals("RESOLVED", view.get("state"));
        assertEquals(false, view.get("canRate"));
        var merged = map(view.get("mergedInto"));
        assertEquals(first.answer().get("trackingNo"), merged.get("trackingNo"));
        assertEquals("ANSWERED", merged.get("state"));
        assertTrue(list(merged.get("timeline")).stream().anyMatch(e -> "路灯已报修，明天更换".equals(e.get("body"))));
        problem(client, rate(dup), 409);
    }

    private HttpRequest<?> rate(Submitted s) {
        return HttpRequest.POST(s.trackUri().replace("?", "/rating?"), Map.of("rating", "SATISFIED"));
    }

    @Test
    void aConcernCannotBeMergedIntoItselfOrIntoAClosedOne() {
        var a = submit("合并校验：自身");
        problem(client, action(liaison, a.id(), "merge", Map.of("version", version(a.id()), "intoId", a.id())), 400);
        var b = submit("合并校验：已驳回的目标");
        act(liaison, b.id(), "reject", "text", "不属于受理范围");
        problem(client, action(liaison, a.id(), "merge", Map.of("version", version(a.id()), "intoId", b.id())), 400);
        assertEquals("SUBMITTED", detail(head, a.id()).get("state"));
    }

    // ------------------------------------------------------------------ concurrency and refusals

    @Test
    void aStaleVersionAnswers409WithTheCurrentStateAndVersion() {
        var s = submit("并发：两位同时受理");
        long v = version(s.id());
        client.retrieve(action(deputy, s.id(), "accept", Map.of("version", v)), Http.MAP);
        var p = problem(client, action(liaison, s.id(), "assign",
                Map.of("version", v, "deputyId", ids.deputy("王建华"))), 409);
        assertEquals("ACCEPTED", p.get("currentState"));
        assertEquals(v + 1, ((Number) p.get("currentVersion")).longValue());
        problem(client, action(deputy, s.id(), "reply", Map.of("text", "没有版本号")), 400);
    }

    @Test
    void unknownFieldsInAnActionBodyAreIgnored() {
        var s = submit("字段过滤：请求里夹带状态");
        Map<String, Object> body = new HashMap<>();
        body.put("version", version(s.id()));
        body.put("state", "CLOSED");
        body.put("stationId", 999);
        body.put("assigneeDeputyId", 1);
        var d = client.retrieve(action(liaison, s.id(), "accept", body), Http.MAP);
        assertEquals("ACCEPTED", d.get("state"));
        assertEquals(station, ((Number) d.get("stationId")).longValue());
    }

    @Test
    void outsidersGet404AndAdminsReadNoteAndSuperviseButDoNotHandle() {
        var s = submit("范围：其他站的人看不到");
        String outsiderDeputy = outsiderDeputyToken();
        problem(client, HttpRequest.GET("/api/v1/concerns/" + s.id()).bearerAuth(outsiderDeputy), 404);
        problem(client, action(outsiderDeputy, s.id(), "accept", Map.of("version", 0)), 404);
        String otherHead = Logins.token(client, "head-heping");
        problem(client, HttpRequest.GET("/api/v1/concerns/" + s.id()).bearerAuth(otherHead), 404);
        problem(client, action(otherHead, s.id(), "reject", Map.of("version", 0, "text", "x")), 404);
        problem(client, HttpRequest.GET("/api/v1/stations/" + station + "/queue").bearerAuth(otherHead), 404);
        problem(client, HttpRequest.GET("/api/v1/concerns/" + s.id()).bearerAuth(Logins.token(client, "lishi-admin")), 404);

        String admin = Logins.token(client, "lvliang-admin");
        var d = detail(admin, s.id());
        assertEquals(List.of("note", "escalate"), d.get("allowedActions"));
        problem(client, action(admin, s.id(), "accept", Map.of("version", version(s.id()))), 403);
        problem(client, HttpRequest.GET("/api/v1/concerns/" + s.id()), 401);
        problem(client, action(head, s.id(), "fly", Map.of("version", 0)), 404);
        problem(client, action(head, 99_999_999L, "accept", Map.of("version", 0)), 404);
    }

    @Test
    void aDeputyActsOnlyOnConcernsAssignedToThemOrUnclaimed() {
        var s = submit("分派：站长分派给另一位代表");
        var options = list(map(detail(head, s.id()).get("options")).get("deputies"));
        long wang = ids.deputy("王建华");
        long other = options.stream().map(o -> ((Number) o.get("id")).longValue()).filter(x -> x != wang)
                .findFirst().orElseThrow();
        var d = act(head, s.id(), "assign", "deputyId", other);
        assertEquals("ACCEPTED", d.get("state"));
        assertEquals(other, ((Number) d.get("assigneeDeputyId")).longValue());
        assertEquals(List.of(), detail(deputy, s.id()).get("allowedActions"));
        problem(client, action(deputy, s.id(), "reply", Map.of("version", version(s.id()), "text", "抢答")), 403);
        problem(client, action(deputy, s.id(), "accept", Map.of("version", version(s.id()))), 403);
        problem(client, action(head, s.id(), "assign", Map.of("version", version(s.id()), "deputyId", 99_999)), 400);
        act(head, s.id(), "assign", "deputyId", wang);
        assertEquals("ANSWERED", act(deputy, s.id(), "reply", "text", "我来跟进").get("state"));
    }

    @Test
    void theRecordPdfIsForTheHeadAndAdminsOnly() {
        var s = submit("档案：需要导出办理档案");
        act(liaison, s.id(), "note", "text", "档案内部备注");
        var res = client.exchange(HttpRequest.GET("/api/v1/concerns/" + s.id() + "/record.pdf").bearerAuth(head), byte[].class);
        assertEquals(200, res.code());
        assertEquals("application/pdf", res.getContentType().orElseThrow().toString());
        byte[] pdf = res.body();
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(200, client.exchange(HttpRequest.GET("/api/v1/concerns/" + s.id() + "/record.pdf")
                .bearerAuth(Logins.token(client, "lvliang-admin")), byte[].class).code());
        problem(client, HttpRequest.GET("/api/v1/concerns/" + s.id() + "/record.pdf").bearerAuth(liaison), 403);
        problem(client, HttpRequest.GET("/api/v1/concerns/" + s.id() + "/record.pdf").bearerAuth(deputy), 403);
        problem(client, HttpRequest.GET("/api/v1/concerns/" + s.id() + "/record.pdf")
                .bearerAuth(Logins.token(client, "head-heping")), 404);
    }

    private String outsiderDeputyToken() {
        for (String mobile : List.of("13800000002", "13800000010", "13800000014", "13800000015", "13800000017", "13800000025")) {
            String token = Logins.token(client, mobile);
            var me = client.retrieve(HttpRequest.GET("/api/v1/me").bearerAuth(token), Http.MAP);
            if (list(me.get("stations")).stream().noneMatch(st -> ((Number) st.get("id")).longValue() == station)) {
                return token;
            }
        }
        throw new AssertionError("no demo deputy outside the station");
    }

    // ------------------------------------------------------------------ queues

    private Map<String, Object> queue(String token, String query) {
        return client.retrieve(HttpRequest.GET(query).bearerAuth(token), Http.MAP);
    }

    private static Set<Long> idsOf(Map<String, Object> page) {
        Set<Long> out = new HashSet<>();
        for (var i : list(page.get("items"))) {
            out.add(((Number) i.get("id")).longValue());
        }
        return out;
    }

    @Test
    void todoHoldsUnclaimedAndMineAndDoneHoldsWhatIActedOn() {
        var open = submit("队列：尚未受理");
        var mine = submit("队列：我已受理");
        act(deputy, mine.id(), "accept");
        var todo = idsOf(queue(deputy, "/api/v1/me/queue?view=todo&size=50"));
        assertTrue(todo.contains(open.id()));
        assertTrue(todo.contains(mine.id()));
        var done = idsOf(queue(deputy, "/api/v1/me/queue?view=done&size=50"));
        assertTrue(done.contains(mine.id()));
        assertFalse(done.contains(open.id()));
        var submitted = idsOf(queue(deputy, "/api/v1/me/queue?state=SUBMITTED&size=50"));
        assertTrue(submitted.contains(open.id()));
        assertFalse(submitted.contains(mine.id()));
        var item = list(queue(deputy, "/api/v1/me/queue?state=ACCEPTED&size=50").get("items")).stream()
                .filter(i -> ((Number) i.get("id")).longValue() == mine.id()).findFirst().orElseThrow();
        assertEquals("王建华", item.get("assigneeName"));
        assertEquals("138****5678", item.get("mobileMasked"));
        assertFalse(queue(deputy, "/api/v1/me/queue?size=50").toString().contains(Intake.MOBILE));
        problem(client, HttpRequest.GET("/api/v1/me/queue?view=everything").bearerAuth(deputy), 400);
        problem(client, HttpRequest.GET("/api/v1/me/queue?state=FLYING").bearerAuth(deputy), 400);
        problem(client, HttpRequest.GET("/api/v1/stations/" + station + "/queue").bearerAuth(deputy), 403);
    }

    @Test
    void theStationQueuePagesByCursorInBothOrdersWithoutOverlap() {
        for (int i = 0; i < 3; i++) {
            submit("翻页：第 " + i + " 条");
        }
        Map<String, Object> page = queue(liaison, "/api/v1/stations/" + station + "/queue?size=2");
        Set<Long> seen = new HashSet<>(idsOf(page));
        assertEquals(2, seen.size());
        int pages = 1;
        while (page.get("nextCursor") != null) {
            page = queue(liaison, "/api/v1/stations/" + station + "/queue?size=2&cursor=" + page.get("nextCursor"));
            for (long id : idsOf(page)) {
                assertTrue(seen.add(id), "no item twice");
            }
            pages++;
        }
        long total = Db.count(tx, "SELECT COUNT(*) FROM concern WHERE station_id = ?", station);
        assertEquals(total, seen.size());
        assertTrue(pages >= 2);
        var newest = list(queue(liaison, "/api/v1/stations/" + station + "/queue?size=1").get("items")).get(0);
        var oldest = list(queue(liaison, "/api/v1/stations/" + station + "/queue?size=1&order=oldest").get("items")).get(0);
        assertEquals(Db.count(tx, "SELECT id FROM concern WHERE station_id = ? ORDER BY created_at DESC, id DESC LIMIT 1",
                station), ((Number) newest.get("id")).longValue());
        assertEquals(Db.count(tx, "SELECT id FROM concern WHERE station_id = ? ORDER BY created_at, id LIMIT 1",
                station), ((Number) oldest.get("id")).longValue());
        problem(client, HttpRequest.GET("/api/v1/stations/" + station + "/queue?cursor=bm90LWEtY3Vyc29y").bearerAuth(liaison), 400);
    }

    @Test
    void theOverdueFilterFindsLateFirstResponsesAndPassedDepartmentDeadlines() {
        var late = submit("超期：一个月没人理");
        var fresh = submit("超期：刚刚提交");
        var referred = submit("超期：交办部门逾期");
        Db.sql(tx, "UPDATE concern SET created_at = ?, first_response_due = ?, resolution_due = ? WHERE id = ?",
                java.sql.Timestamp.from(Times.now().minus(Duration.ofDays(30))),
                java.sql.Timestamp.from(Times.now().minus(Duration.ofDays(27))),
                java.sql.Timestamp.from(Times.now().minus(Duration.ofDays(10))), late.id());
        act(liaison, referred.id(), "accept");
        act(liaison, referred.id(), "refer", "departmentId", departmentId(referred.id()));
        Db.sql(tx, "UPDATE concern SET department_deadline = ? WHERE id = ?",
                java.sql.Timestamp.from(Times.now().minus(Duration.ofDays(2))), referred.id());
        var overdue = idsOf(queue(head, "/api/v1/stations/" + station + "/queue?overdue=true&size=50"));
        assertTrue(overdue.contains(late.id()));
        assertTrue(overdue.contains(referred.id()));
        assertFalse(overdue.contains(fresh.id()));
        assertEquals(true, detail(head, late.id()).get("overdue"));
        assertEquals(false, detail(head, fresh.id()).get("overdue"));
        assertTrue(idsOf(queue(liaison, "/api/v1/me/queue?overdue=true&size=50")).contains(late.id()));
    }

    // ------------------------------------------------------------------ auto-close and the job lock

    @Test
    void resolvedConcernsWithoutARatingAreClosedAfterTheFeedbackWindowOnce() {
        var s = submit("自动结束：办结后群众一直没有评价");
        var recent = submit("自动结束：刚刚办结");
        act(liaison, s.id(), "accept");
        act(liaison, recent.id(), "accept");
        act(liaison, s.id(), "resolve", "outcome", "EXPLAINED", "text", "已解释政策");
        act(liaison, recent.id(), "resolve", "outcome", "SOLVED", "text", "已解决");
        Db.sql(tx, "UPDATE concern SET resolved_at = ?, feedback_due = ? WHERE id = ?",
                java.sql.Timestamp.from(Times.now().minus(Duration.ofDays(40))),
                java.sql.Timestamp.from(Times.now().minus(Duration.ofDays(30))), s.id());
        assertTrue(autoClose.run(Times.now()) >= 1);
        var view = track(s);
        assertEquals("CLOSED", view.get("state"));
        assertEquals("已结束（未评价）", view.get("stateLabel"), "auto-closed without a rating is not 已评价");
        assertEquals("已结束（未评价）", detail(head, s.id()).get("stateLabel"));
        assertEquals("CLOSED", list(view.get("timeline")).get(list(view.get("timeline")).size() - 1).get("type"));
        assertEquals("RESOLVED", detail(head, recent.id()).get("state"));
        autoClose.run(Times.now());
        assertEquals(1, Db.count(tx, "SELECT COUNT(*) FROM concern_event WHERE concern_id = ? AND type = 'CLOSED'", s.id()));
        assertEquals(1, Db.count(tx, "SELECT COUNT(*) FROM concern WHERE id = ? AND closed_at IS NOT NULL", s.id()));
    }

    @Test
    void aJobLockIsHeldByOneClaimUntilItsLeaseIsClosed() {
        var now = java.time.Instant.now();
        var first = jobLock.claim("test-job", now, Duration.ofMinutes(5));
        assertTrue(first.isPresent());
        assertTrue(jobLock.claim("test-job", now.plusSeconds(1), Duration.ofMinutes(5)).isEmpty());
        first.get().close();
        var second = jobLock.claim("test-job", now.plusSeconds(2), Duration.ofMinutes(5));
        assertTrue(second.isPresent());
        first.get().close(); // the first claim's close no longer frees the second's lease
        assertTrue(jobLock.claim("test-job", now.plusSeconds(3), Duration.ofMinutes(5)).isEmpty());
        second.get().close();
    }

    // ------------------------------------------------------------------ pages

    @Test
    void theWorkspacePagesAreServedWithModuleScriptsOnly() {
        for (String path : List.of("/work", "/work/station?id=" + station, "/work/concerns/1", "/manage/concerns/1/print")) {
            var res = client.exchange(HttpRequest.GET(path), String.class);
            assertEquals(200, res.code(), path);
            String html = res.body();
            assertTrue(html.contains("<script type=\"module\" src=\"/static/js/"), path);
            assertFalse(html.contains("<script>") || html.contains("<script type=\"module\">") || html.contains("onclick"), path);
        }
        for (String js : List.of("work.js", "work-concern.js", "concern-print.js", "labels.js")) {
            assertEquals(200, client.exchange(HttpRequest.GET("/static/js/" + js), String.class).code(), js);
        }
    }
}
