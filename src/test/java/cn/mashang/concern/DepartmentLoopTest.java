package cn.mashang.concern;

import cn.mashang.Db;
import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.common.JobLock;
import cn.mashang.common.Times;
import cn.mashang.referral.SupervisionJob;
import cn.mashang.calendar.WorkingCalendar;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.get;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The department loop over HTTP (issue 18): 交办 → 签收 → 答复 / 退回 / 延期, department accounts and scope, the
 * department's inbox and view, supervision (催办, 督办, the automatic steps) and the region's overdue queue.
 */
@MicronautTest(transactional = false)
class DepartmentLoopTest {
    static final String ZHUJIAN = "dept-xiaoyi-zhujian";
    static final String JIAOTONG = "dept-xiaoyi-jiaotong";
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DemoIds ids;
    @Inject
    SupervisionJob supervision;
    @Inject
    JobLock jobLock;
    @Inject
    WorkingCalendar calendar;
    BlockingHttpClient client;
    String head;
    String liaison;
    String dept;
    long zhujian;
    String code;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        head = Logins.token(client, "head-qjny");
        liaison = Logins.token(client, "liaison-qjny");
        dept = Logins.token(client, ZHUJIAN);
        zhujian = ids.department("孝义市", "孝义市住房和城乡建设局");
        code = (String) get(client, "/api/v1/stations/" + ids.station(DemoIds.QJNY)).get("code");
    }

    // ------------------------------------------------------------------ helpers

    record Submitted(long id, Map<String, Object> answer) {
    }

    Submitted submit(String content) {
        var answer = Intake.submit(client, Intake.withContact(Intake.body(code, content)));
        return new Submitted(Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", answer.get("trackingNo")), answer);
    }

    /** Submitted, accepted by the liaison and referred to 住建局 (contact shared when asked). */
    long referred(String content, boolean share) {
        long id = submit(content).id();
        act(liaison, id, "accept");
        act(liaison, id, "refer", "departmentId", zhujian, "shareContact", share,
                "deadline", LocalDate.now(Times.ZONE).plusDays(15).toString());
        return id;
    }

    Map<String, Object> staffDetail(long id) {
        return get(client, "/api/v1/concerns/" + id, head);
    }

    Map<String, Object> deptView(String token, long id) {
        return get(client, "/api/v1/me/referrals/" + id, token);
    }

    long version(long id) {
        return ((Number) staffDetail(id).get("version")).longValue();
    }

    static HttpRequest<?> action(String token, long id, String action, Map<String, Object> body) {
        return HttpRequest.POST("/api/v1/concerns/" + id + "/actions/" + action, body).bearerAuth(token);
    }

    Map<String, Object> body(long id, Object... kv) {
        Map<String, Object> b = new HashMap<>();
        b.put("version", version(id));
        for (int i = 0; i + 1 < kv.length; i += 2) {
            b.put((String) kv[i], kv[i + 1]);
        }
        return b;
    }

    Map<String, Object> act(String token, long id, String action, Object... kv) {
        return client.retrieve(action(token, id, action, body(id, kv)), Http.MAP);
    }

    List<Map<String, Object>> inbox(String token, String view) {
        return list(get(client, "/api/v1/me/referrals?size=50&view=" + view, token).get("items"));
    }

    static List<Object> types(Map<String, Object> view) {
        return list(view.get("timeline")).stream().map(e -> e.get("type")).toList();
    }

    static long id(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    void setColumn(long id, String column, Instant value) {
        Db.sql(tx, "UPDATE concern SET " + column + " = ? WHERE id = ?", Timestamp.from(value), id);
    }

    // ------------------------------------------------------------------ roads

    @Test
    void aReferralIsSignedAnsweredByTheDepartmentResolvedByTheStationAndRated() {
        var s = submit("部门闭环：小区雨水管道堵塞，雨天积水");
        act(liaison, s.id(), "accept");
        act(liaison, s.id(), "refer", "departmentId", zhujian, "shareContact", true);
        var todo = inbox(dept, "todo");
        var item = todo.stream().filter(i -> id(i, "concernId") == s.id()).findFirst().orElseThrow();
        assertEquals("OPEN", item.get("status"));
        assertNull(item.get("signedAt"));

        var view = deptView(dept, s.id());
        assertEquals("部门闭环：小区雨水管道堵塞，雨天积水", view.get("content"));
        assertEquals("138****5678", view.get("mobileMasked"));
        assertEquals(List.of("sign", "return"), view.get("allowedActions"));
        assertNotNull(map(view.get("station")).get("address"));
        var contact = get(client, "/api/v1/me/referrals/" + s.id() + "/contact", dept);
        assertEquals(Intake.MOBILE, contact.get("mobile"));
        assertEquals(1, Db.count(tx, "SELECT COUNT(*) FROM pii_access_log WHERE concern_id = ? AND account_id = ?",
                s.id(), Logins.accountId(client, ZHUJIAN)));

        view = act(dept, s.id(), "sign", "text", "已签收，安排现场查看");
        assertEquals("REFERRED", view.get("state"));
        assertNotNull(map(view.get("referral")).get("signedAt"));
        assertEquals(List.of("request-extension", "dept-answer", "return"), view.get("allowedActions"));
        problem(client, action(dept, s.id(), "sign", body(s.id())), 409);

        var noOutcome = problem(client, action(dept, s.id(), "dept-answer", body(s.id(), "text", "已疏通")), 400);
        assertEquals("proposedOutcome", list(noOutcome.get("errors")).get(0).get("field"));
        view = act(dept, s.id(), "dept-answer", "text", "已疏通管道并加装篦子", "proposedOutcome", "SOLVED");
        assertEquals("ANSWERED", view.get("state"));
        assertEquals("ANSWERED", map(view.get("referral")).get("status"));
        assertEquals(List.of(), view.get("allowedActions"));
        assertTrue(inbox(dept, "done").stream().anyMatch(i -> id(i, "concernId") == s.id()));
        assertTrue(inbox(dept, "todo").stream().noneMatch(i -> id(i, "concernId") == s.id()));
        problem(client, HttpRequest.GET("/api/v1/me/referrals/" + s.id() + "/contact").bearerAuth(dept), 403);

        var d = act(liaison, s.id(), "resolve", "outcome", "SOLVED", "text", "部门已疏通管道");
        assertEquals("RESOLVED", d.get("state"));
        var rated = client.retrieve(HttpRequest.POST(Intake.trackUri(s.answer()).replace("?", "/rating?"),
                Map.of("rating", "SATISFIED")), Http.MAP);
        assertEquals("CLOSED", rated.get("state"));
        assertEquals(List.of("SUBMITTED", "ACCEPTED", "REFERRED", "SIGNED", "DEPARTMENT_ANSWERED", "RESOLVED", "RATED"),
                types(staffDetail(s.id())));
        assertEquals(List.of("REFERRED", "SIGNED", "DEPARTMENT_ANSWERED", "RESOLVED"), types(deptView(dept, s.id())),
                "the department sees its referral and how the station resolved it");
    }

    @Test
    void aReturnNeedsAReasonAndLegalBasisGoesBackToTheStationAndAReReferralKeepsTheHistory() {
        long id = referred("退回：该问题属于供热公司经营范围", false);
        var view = deptView(dept, id);
        assertNull(view.get("mobileMasked"));
        problem(client, HttpRequest.GET("/api/v1/me/referrals/" + id + "/contact").bearerAuth(dept), 403);
        var p = problem(client, action(dept, id, "return", body(id, "legalBasis", "《城镇供热管理条例》")), 400);
        assertEquals("reason", list(p.get("errors")).get(0).get("field"));
        p = problem(client, action(dept, id, "return", body(id, "reason", "不属于本部门职责")), 400);
        assertEquals("legalBasis", list(p.get("errors")).get(0).get("field"));

        view = act(dept, id, "return", "reason", "供热属于热力公司经营范围", "legalBasis", "《山西省城镇供热管理办法》第十条");
        assertEquals("ACCEPTED", view.get("state"));
        assertEquals("RETURNED", map(view.get("referral")).get("status"));
        var d = staffDetail(id);
        assertEquals("ACCEPTED", d.get("state"));
        assertNull(d.get("departmentId"));
        assertTrue(list(get(client, "/api/v1/stations/" + ids.station(DemoIds.QJNY) + "/queue?size=50&state=ACCEPTED", head)
                .get("items")).stream().anyMatch(i -> id(i, "id") == id), "back in the station's queue");
        problem(client, action(dept, id, "sign", body(id)), 403);

        long jiaotong = ids.department("孝义市", "孝义市交通运输局");
        act(liaison, id, "refer", "departmentId", jiaotong);
        String other = Logins.token(client, JIAOTONG);
        assertEquals(List.of("sign", "return"), deptView(other, id).get("allowedActions"));
        assertEquals("RETURNED", map(deptView(dept, id).get("referral")).get("status"), "the first department keeps its history");
        assertEquals(2, Db.count(tx, "SELECT COUNT(*) FROM referral WHERE concern_id = ?", id));
        assertEquals(1, Db.count(tx, "SELECT COUNT(*) FROM referral WHERE concern_id = ? AND status = 'RETURNED'", id));
        assertEquals(List.of("SUBMITTED", "ACCEPTED", "REFERRED", "RETURNED", "REFERRED"), types(staffDetail(id)));
    }

    @Test
    void aDepartmentSeesOnlyItsOwnReferralsAndActsOnlyWhileItHoldsTheCase() {
        long id = referred("范围：只交办给住建局的反映", false);
        String other = Logins.token(client, JIAOTONG);
        problem(client, HttpRequest.GET("/api/v1/me/referrals/" + id).bearerAuth(other), 404);
        problem(client, action(other, id, "sign", Map.of("version", version(id))), 404);
        assertTrue(inbox(other, "todo").stream().noneMatch(i -> id(i, "concernId") == id));
        problem(client, HttpRequest.GET("/api/v1/concerns/" + id).bearerAuth(dept), 403);
        problem(client, HttpRequest.GET("/api/v1/me/referrals").bearerAuth(head), 403);
        var stale = problem(client, action(dept, id, "sign", Map.of("version", version(id) - 1)), 409);
        assertEquals(version(id), ((Number) stale.get("currentVersion")).longValue());
        act(liaison, id, "resolve", "outcome", "EXPLAINED", "text", "站里已直接解释说明");
        var view = deptView(dept, id);
        assertEquals("WITHDRAWN", map(view.get("referral")).get("status"));
        assertEquals(List.of(), view.get("allowedActions"));
        var refused = problem(client, action(dept, id, "sign", body(id)), 403);
        assertEquals("RESOLVED", refused.get("currentState"));
    }

    @Test
    void theInboxPutsOverdueReferralsFirstAndPagesWithoutOverlap() {
        String token = Logins.token(client, JIAOTONG);
        long jiaotong = ids.department("孝义市", "孝义市交通运输局");
        long[] made = new long[3];
        for (int i = 0; i < 3; i++) {
            made[i] = submit("收件箱排序 " + i).id();
            act(liaison, made[i], "accept");
            act(liaison, made[i], "refer", "departmentId", jiaotong);
        }
        setColumn(made[2], "sign_due", Times.now().minus(Duration.ofHours(2)));
        var first = get(client, "/api/v1/me/referrals?size=1", token);
        var items = list(first.get("items"));
        assertEquals(made[2], id(items.get(0), "concernId"));
        assertEquals(true, items.get(0).get("overdue"));
        assertEquals(List.of("SIGN"), items.get(0).get("overdueSegments"));
        List<Long> seen = new java.util.ArrayList<>(List.of(made[2]));
        String cursor = (String) first.get("nextCursor");
        while (cursor != null) {
            var page = get(client, "/api/v1/me/referrals?size=1&cursor=" + cursor, token);
            list(page.get("items")).forEach(i -> seen.add(id(i, "concernId")));
            cursor = (String) page.get("nextCursor");
        }
        assertEquals(seen.size(), seen.stream().distinct().count(), seen.toString());
        assertTrue(seen.containsAll(List.of(made[0], made[1], made[2])));
        assertEquals(Boolean.TRUE, staffDetail(made[2]).get("overdue"), "the same definition of overdue on the station side");
        problem(client, HttpRequest.GET("/api/v1/me/referrals?view=later").bearerAuth(token), 400);
    }

    @Test
    void anExtensionAskedByTheDepartmentIsApprovedAndTheNewDeadlineShowsOnEveryView() {
        long id = referred("延期：需要协调燃气管线迁改", false);
        String later = LocalDate.now(Times.ZONE).plusDays(40).toString();
        var unsigned = problem(client, action(dept, id, "request-extension", body(id, "until", later, "text", "需协调")), 409);
        assertEquals("请先签收此反映", unsigned.get("detail"));
        act(dept, id, "sign");
        var view = act(dept, id, "request-extension", "until", later, "text", "需协调燃气公司迁改管线");
        assertNotNull(view.get("pendingExtension"));
        assertTrue(((List<?>) staffDetail(id).get("allowedActions")).contains("approve-extension"));
        var d = act(head, id, "approve-extension", "text", "同意延期");
        assertEquals("EXTENDED", d.get("state"));
        assertTrue(((String) d.get("departmentDeadline")).startsWith(later), d.get("departmentDeadline").toString());
        assertTrue(((String) map(deptView(dept, id).get("referral")).get("deadline")).startsWith(later));
        var item = inbox(dept, "todo").stream().filter(i -> id(i, "concernId") == id).findFirst().orElseThrow();
        assertTrue(((String) item.get("deadline")).startsWith(later));
        assertEquals(1, Db.count(tx, "SELECT extensions FROM referral WHERE concern_id = ? AND status = 'OPEN'", id));
    }

    @Test
    void anExtensionAskedAfterTheDeadlineIsRefusedWith409() {
        long id = referred("延期：期限已过才申请", false);
        act(dept, id, "sign");
        setColumn(id, "department_deadline", Times.now().minus(Duration.ofHours(1)));
        var p = problem(client, action(dept, id, "request-extension",
                body(id, "until", LocalDate.now(Times.ZONE).plusDays(10).toString(), "text", "来不及")), 409);
        assertTrue(String.valueOf(p.get("detail")).contains("已过，不能再申请延期"), p.toString());
    }

    @Test
    void theHeadWhoHandlesTheConcernCannotApproveItsExtensionTheCommitteeDoes() {
        long id = submit("职责分离：站长本人办理的反映申请延期").id();
        String deputy = Logins.token(client, "13800000001"); // 王建华, also the head of the station
        act(deputy, id, "accept");
        act(deputy, id, "refer", "departmentId", zhujian);
        act(dept, id, "sign");
        act(dept, id, "request-extension", "until", LocalDate.now(Times.ZONE).plusDays(30).toString(), "text", "需要更多时间");
        assertFalse(((List<?>) staffDetail(id).get("allowedActions")).contains("approve-extension"));
        problem(client, action(head, id, "approve-extension", body(id)), 403);
        String admin = Logins.token(client, "lvliang-admin");
        var d = act(admin, id, "approve-extension", "text", "人大常委会同意");
        assertEquals("EXTENDED", d.get("state"));
    }

    // ------------------------------------------------------------------ supervision

    long steps(long id, String type) {
        return Db.count(tx, "SELECT COUNT(*) FROM concern_event WHERE concern_id = ? AND type = ?", id, type);
    }

    @Test
    void headsAndTheCommitteeUrgeWithANewDeadlineAndEscalateLiaisonsAndOtherRegionsCannot() {
        long id = referred("督办：路灯长期不亮", false);
        String day = LocalDate.now(Times.ZONE).plusDays(5).toString();
        problem(client, action(liaison, id, "urge", body(id, "text", "请尽快")), 403);
        var noText = problem(client, action(head, id, "urge", body(id)), 400);
        assertEquals("text", list(noText.get("errors")).get(0).get("field"));
        var d = act(head, id, "urge", "text", "群众反映强烈，请尽快办理", "deadline", day);
        assertTrue(((String) d.get("departmentDeadline")).startsWith(day));
        assertTrue(((String) map(deptView(dept, id).get("referral")).get("deadline")).startsWith(day));
        String admin = Logins.token(client, "lvliang-admin");
        act(admin, id, "escalate", "text", "列入人大常委会督办事项");
        problem(client, action(Logins.token(client, "jiaokou-admin"), id, "escalate", body(id, "text", "x")), 404);
        assertEquals(List.of("REFERRED", "URGED", "ESCALATED"), types(deptView(dept, id)));
        assertTrue(types(deptView(dept, id)).containsAll(List.of("URGED", "ESCALATED")));
    }

    @Test
    void aMissedSignForIsUrgedTheNextWorkingDayAndReportedLaterEachOnceWhateverTheRunsAndLockHolders() {
        long id = referred("自动催办：部门一直没有签收", false);
        // the sign-for deadline passed yesterday: the first working day after it has begun, the fifth has not
        LocalDate today = LocalDate.now(Times.ZONE);
        LocalDate deadlineDay = today.minusDays(1);
        while (!calendar.isWorkingDay(deadlineDay.plusDays(1)) || deadlineDay.plusDays(1).isAfter(today)) {
            deadlineDay = deadlineDay.minusDays(1);
        }
        LocalDate firstWorkingDay = deadlineDay.plusDays(1);
        Instant deadline = deadlineDay.atTime(23, 59, 59).atZone(Times.ZONE).toInstant();
        setColumn(id, "sign_due", deadline);
        Instant morning = firstWorkingDay.atTime(9, 0).atZone(Times.ZONE).toInstant();
        assertTrue(supervision.runOnce(morning).ran());
        assertEquals(1, steps(id, "URGED"));
        assertEquals(0, steps(id, "REPORTED"));
        supervision.runOnce(morning.plus(Duration.ofHours(1)));
        assertEquals(1, steps(id, "URGED"), "a second run urges nothing twice");

        Instant late = deadline.plus(Duration.ofDays(10)); // past the fifth working day, before the answer deadline
        try (var other = jobLock.claim("referral-supervision", late, Duration.ofMinutes(10)).orElseThrow()) {
            assertFalse(supervision.runOnce(late).ran(), "another holder has the lease");
        }
        assertTrue(supervision.runOnce(late).ran());
        supervision.runOnce(late.plus(Duration.ofMinutes(1)));
        assertEquals(1, steps(id, "URGED"));
        assertEquals(1, steps(id, "REPORTED"));
        assertEquals(2, Db.count(tx, "SELECT COUNT(*) FROM referral_notice WHERE concern_id = ? AND segment = 'SIGN'", id));
        var timeline = list(deptView(dept, id).get("timeline"));
        var urged = timeline.stream().filter(e -> "URGED".equals(e.get("type"))).findFirst().orElseThrow();
        assertEquals("SYSTEM", urged.get("actorType"));
        assertTrue(String.valueOf(urged.get("body")).contains("签收"), urged.toString());
        assertTrue(list(staffDetail(id).get("timeline")).stream().anyMatch(e -> "REPORTED".equals(e.get("type"))));
    }

    @Test
    void theSupervisionJobReadsOnlyReferralsWhoseNextStepMayBeDueAndASignForMakesItsReferralBeReadAgain() {
        long id = referred("自动催办：只看到期的交办", false);
        String open = "SELECT COUNT(*) FROM referral WHERE concern_id = ? AND status = 'OPEN'";
        assertEquals(1, Db.count(tx, open + " AND supervise_at IS NULL", id), "a new referral is due for a look");
        Instant now = Times.now();
        assertTrue(supervision.runOnce(now).examined() >= 1);
        // its next look: the start of the first working day after the sign-for deadline's day (the 催办 day)
        Instant signDue = Db.timestamp(tx, "SELECT sign_due FROM concern WHERE id = ?", id);
        LocalDate day = signDue.atZone(Times.ZONE).toLocalDate().plusDays(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        assertEquals(1, Db.count(tx, open + " AND supervise_at = ?", id, Timestamp.from(day.atStartOfDay(Times.ZONE).toInstant())));
        assertEquals(0, supervision.runOnce(now.plusSeconds(1)).examined(), "no step can be due a second later: no referral read");

        act(dept, id, "sign");
        assertEquals(1, Db.count(tx, open + " AND supervise_at IS NULL", id), "the sign-for cleared its look");
        var again = supervision.runOnce(now.plusSeconds(2));
        assertEquals(1, again.examined(), "only the signed referral is read");
        assertEquals(0, again.steps());
        Instant deadline = Db.timestamp(tx, "SELECT department_deadline FROM concern WHERE id = ?", id);
        assertEquals(1, Db.count(tx, open + " AND supervise_at > ?", id, Timestamp.from(deadline)),
                "signed for: the next look waits for the answer deadline's 催办 day");
    }

    @Test
    void theRegionOverdueQueueListsEveryOpenConcernPastAnyDeadlineOldestFirstWithItsHolder() {
        long late = referred("区域超期：部门逾期未签收", false);
        setColumn(late, "sign_due", Times.now().minus(Duration.ofHours(3)));
        long fresh = referred("区域超期：部门刚收到", false);
        long xiaoyi = ids.region("孝义市");
        String admin = Logins.token(client, "lvliang-admin");
        var items = list(get(client, "/api/v1/regions/" + xiaoyi + "/overdue?size=100", admin).get("items"));
        var item = items.stream().filter(i -> id(i, "id") == late).findFirst().orElseThrow();
        assertEquals(List.of("SIGN"), item.get("segments"));
        assertEquals("DEPARTMENT", map(item.get("holder")).get("kind"));
        assertEquals("孝义市住房和城乡建设局", map(item.get("holder")).get("name"));
        assertTrue(items.stream().noneMatch(i -> id(i, "id") == fresh));
        List<String> created = items.stream().map(i -> (String) i.get("createdAt")).toList();
        assertEquals(created.stream().map(OffsetDateTime::parse).sorted().toList(),
                created.stream().map(OffsetDateTime::parse).toList(), "oldest first");
        problem(client, HttpRequest.GET("/api/v1/regions/" + xiaoyi + "/overdue").bearerAuth(Logins.token(client, "jiaokou-admin")), 404);
        problem(client, HttpRequest.GET("/api/v1/regions/" + xiaoyi + "/overdue").bearerAuth(head), 403);
    }

    // ------------------------------------------------------------------ notifications

    @Test
    void regionAdminsSetADepartmentsRobotAndReferralsAndUrgesAreQueuedForItWithoutResidentData() {
        String admin = Logins.token(client, "lvliang-admin");
        long jiaotong = ids.department("孝义市", "孝义市交通运输局");
        var input = Map.<String, Object>of("ownerKind", "DEPARTMENT", "ownerId", jiaotong, "channel", "WECOM",
                "target", "xiaoyi-jiaotong");
        problem(client, HttpRequest.PUT("/api/v1/admin/notify-targets", input).bearerAuth(Logins.token(client, "jiaokou-admin")), 404);
        var saved = client.retrieve(HttpRequest.PUT("/api/v1/admin/notify-targets", input).bearerAuth(admin), Http.MAP);
        assertEquals("xiaoyi-jiaotong", saved.get("target"));
        assertTrue(list(client.retrieve(HttpRequest.GET("/api/v1/admin/notify-targets").bearerAuth(admin), Http.LIST))
                .stream().anyMatch(t -> "xiaoyi-jiaotong".equals(t.get("target"))));

        var s = submit("通知：交办后部门机器人收到消息");
        act(liaison, s.id(), "accept");
        act(liaison, s.id(), "refer", "departmentId", jiaotong);
        act(head, s.id(), "urge", "text", "请尽快签收");
        String tracking = (String) s.answer().get("trackingNo");
        assertEquals(2, Db.count(tx, "SELECT COUNT(*) FROM notification_outbox WHERE target = 'xiaoyi-jiaotong' "
                + "AND channel = 'WECOM' AND kind IN ('referral.referred', 'referral.urged') AND payload LIKE ?", "%" + tracking + "%"));
        assertEquals(0, Db.count(tx, "SELECT COUNT(*) FROM notification_outbox WHERE payload LIKE ? AND payload LIKE ?",
                "%" + tracking + "%", "%" + Intake.MOBILE + "%"));
    }

    // ------------------------------------------------------------------ figures and pages

    @Test
    void theCityDepartmentFiguresEqualTheFiguresCountedFromEveryReferralRow() {
        for (String text : List.of("部门指标对账：按期答复一", "部门指标对账：按期答复二")) {
            long id = referred(text, false);
            act(dept, id, "sign");
            act(dept, id, "dept-answer", "text", "已处理", "proposedOutcome", "EXPLAINED");
        }
        referred("部门指标对账：尚未签收", false);
        var rows = list(client.retrieve(HttpRequest.GET("/api/v1/regions/" + ids.region("吕梁市") + "/departments")
                .bearerAuth(Logins.token(client, "lvliang-admin")), Http.LIST));
        Map<Long, Map<String, Object>> expected = DepartmentFiguresByRow.of(tx, calendar, Instant.now());
        for (var row : rows) {
            Map<String, Object> want = expected.getOrDefault(id(row, "departmentId"), Map.of("referrals", 0, "answered", 0));
            want.forEach((k, v) -> assertEquals(v, row.get(k) instanceof Number n && v instanceof Integer ? n.intValue()
                    : row.get(k), row.get("name") + " " + k));
        }
        var zj = rows.stream().filter(r -> id(r, "departmentId") == zhujian).findFirst().orElseThrow();
        assertTrue(id(zj, "answered") >= 2 && zj.get("p90DaysToAnswer") != null, zj::toString);
    }

    @Test
    void departmentFiguresCountEveryReferralAndRankOnlyDepartmentsWithEnoughOfThem() {
        long id = referred("部门指标：签收并按期答复", false);
        act(dept, id, "sign");
        act(dept, id, "dept-answer", "text", "已处理", "proposedOutcome", "EXPLAINED");
        String admin = Logins.token(client, "lvliang-admin");
        var rows = list(client.retrieve(HttpRequest.GET("/api/v1/regions/" + ids.region("孝义市") + "/departments")
                .bearerAuth(admin), Http.LIST));
        var row = rows.stream().filter(r -> id(r, "departmentId") == zhujian).findFirst().orElseThrow();
        long referrals = Db.count(tx, "SELECT COUNT(*) FROM referral WHERE department_id = ?", zhujian);
        assertEquals(referrals, id(row, "referrals"));
        assertEquals(Db.count(tx, "SELECT COUNT(*) FROM referral WHERE department_id = ? AND status = 'ANSWERED' "
                + "AND ended_at <= deadline", zhujian), id(row, "answeredOnTime"));
        assertEquals(Db.count(tx, "SELECT COUNT(*) FROM referral WHERE department_id = ? AND status = 'RETURNED'", zhujian),
                id(row, "returned"));
        assertNotNull(row.get("medianDaysToAnswer"));
        assertEquals(referrals < 5, row.get("smallSample"));
        assertEquals(referrals < 5, row.get("rank") == null);
        var unused = rows.stream().filter(r -> id(r, "referrals") == 0).findFirst().orElseThrow();
        assertEquals(true, unused.get("smallSample"));
        assertNull(unused.get("rank"));
        problem(client, HttpRequest.GET("/api/v1/regions/" + ids.region("孝义市") + "/departments")
                .bearerAuth(Logins.token(client, "jiaokou-admin")), 404);
    }

    @Test
    void theDepartmentAndSupervisionPagesAreServedWithModuleScriptsOnly() {
        for (String path : List.of("/dept", "/dept/concerns/1", "/manage/overdue", "/manage/departments")) {
            String html = client.retrieve(HttpRequest.GET(path), String.class);
            assertTrue(html.contains("<script type=\"module\" src=\"/static/js/"), path);
            assertFalse(html.contains("<script>"), path);
        }
    }

    // ------------------------------------------------------------------ the referral letter

    @Test
    void theReferralLetterNamesTheDepartmentDeadlineAndStationAndOnlyTheSharedMaskedContact() throws Exception {
        long plain = referred("交办函：楼道照明损坏", false);
        long shared = referred("交办函：供水管网漏水，需上门查看", true);
        problem(client, HttpRequest.GET("/api/v1/concerns/" + submit("交办函：尚未交办").id() + "/referral-letter.pdf")
                .bearerAuth(liaison), 404);
        problem(client, HttpRequest.GET("/api/v1/concerns/" + plain + "/referral-letter.pdf")
                .bearerAuth(Logins.token(client, JIAOTONG)), 404);
        String text = pdfText(client.exchange(HttpRequest.GET("/api/v1/concerns/" + plain + "/referral-letter.pdf")
                .bearerAuth(liaison), byte[].class).body());
        assertTrue(text.contains("交办函"), text);
        assertTrue(text.contains("孝义市住房和城乡建设局"), text);
        assertTrue(text.contains("楼道照明损坏"), text);
        assertTrue(text.contains("/dept/concerns/" + plain), text);
        assertFalse(text.contains("138****5678"), "contact not shared on this referral");
        var response = client.exchange(HttpRequest.GET("/api/v1/concerns/" + shared + "/referral-letter.pdf")
                .bearerAuth(dept), byte[].class);
        assertEquals("application/pdf", response.getContentType().orElseThrow().toString());
        String sharedText = pdfText(response.body());
        assertTrue(sharedText.contains("138****5678"), sharedText);
        assertFalse(sharedText.contains(Intake.MOBILE), "never the full number");
    }

    static String pdfText(byte[] pdf) throws java.io.IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    // ------------------------------------------------------------------ accounts

    @Test
    void regionAdminsCreateAndDeactivateDepartmentAccountsOthersGet404() {
        long jiaotong = ids.department("孝义市", "孝义市交通运输局");
        var input = new HashMap<String, Object>(Map.of("loginName", "dept-jt-two", "displayName", "交通局 第二承办人",
                "password", "Strong2026x", "role", "DEPARTMENT", "departmentId", jiaotong));
        problem(client, HttpRequest.POST("/api/v1/admin/accounts", input).bearerAuth(Logins.token(client, "jiaokou-admin")), 404);
        var noDept = new HashMap<>(input);
        noDept.remove("departmentId");
        var p = problem(client, HttpRequest.POST("/api/v1/admin/accounts", noDept).bearerAuth(Logins.token(client, "lvliang-admin")), 400);
        assertEquals("departmentId", list(p.get("errors")).get(0).get("field"));
        var created = client.retrieve(HttpRequest.POST("/api/v1/admin/accounts", input)
                .bearerAuth(Logins.token(client, "lvliang-admin")), Http.MAP);
        assertEquals(jiaotong, id(created, "departmentId"));
        String token = (String) Logins.login(client, "dept-jt-two", "Strong2026x").get("accessToken");
        assertEquals(200, client.exchange(HttpRequest.GET("/api/v1/me/referrals").bearerAuth(token)).code());
        client.retrieve(HttpRequest.DELETE("/api/v1/admin/accounts/" + id(created, "id"))
                .bearerAuth(Logins.token(client, "lvliang-admin")), Http.MAP);
        problem(client, HttpRequest.GET("/api/v1/me/referrals").bearerAuth(token), 401);
    }
}
