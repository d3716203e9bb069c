package cn.mashang.concern.lifecycle;

import cn.mashang.concern.Intake;
import cn.mashang.Db;

import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.common.Times;
import cn.mashang.sla.OverdueJob;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static cn.mashang.Http.get;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two rules that hold across the code: every staff action refuses a missing or mistyped field with 400 naming it
 * (generated over {@link ConcernAction}), and "overdue" means one thing to the queue, the detail, the head's board,
 * the dashboard and the overdue job.
 */
@MicronautTest(transactional = false)
class LifecycleContractTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DemoIds ids;
    @Inject
    OverdueJob overdueJob;
    BlockingHttpClient client;
    String head;
    String liaison;
    long station;
    String code;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        head = Logins.token(client, "head-qjny");
        liaison = Logins.token(client, "liaison-qjny");
        station = ids.station(DemoIds.QJNY);
        code = (String) get(client, "/api/v1/stations/" + station).get("code");
    }

    // ------------------------------------------------------------------ typed action bodies

    /** The field each action cannot do without (written independently of ActionBody); null: none beyond version. */
    private static final Map<String, String> REQUIRED = Map.ofEntries(
            Map.entry("accept", "-"), Map.entry("assign", "deputyId"), Map.entry("reply", "text"),
            Map.entry("note", "text"), Map.entry("refer", "departmentId"), Map.entry("department-answer", "text"),
            Map.entry("request-extension", "until"), Map.entry("approve-extension", "-"),
            Map.entry("reject-extension", "-"), Map.entry("resolve", "outcome"), Map.entry("reject", "text"),
            Map.entry("merge", "intoId"), Map.entry("sign", "-"), Map.entry("dept-answer", "text"),
            Map.entry("return", "reason"), Map.entry("urge", "text"), Map.entry("escalate", "text"));

    @Test
    void everyStaffActionRefusesAMissingFieldWithFourHundredNamingIt() {
        Set<String> staffActions = Arrays.stream(ConcernAction.values()).filter(ConcernAction::staff)
                .map(ConcernAction::path).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(REQUIRED.keySet()), staffActions, "REQUIRED must list every staff action");
        for (String action : staffActions) {
            long id = concernWhere(action);
            var noVersion = Http.problem(client, post(id, action, Map.of()), 400);
            if (!action.equals("note")) {
                assertEquals("version", field(noVersion), action + " without version");
            }
            var wrongType = Http.problem(client, post(id, action, Map.of("version", "not-a-number")), 400);
            assertTrue(String.valueOf(wrongType.get("detail")).length() > 0, action);
            String field = REQUIRED.get(action);
            if (!field.equals("-")) {
                var missing = Http.problem(client, post(id, action, Map.of("version", version(id))), 400);
                assertEquals(field, field(missing), action + " without " + field);
            }
        }
    }

    @Test
    void referringWithoutADepartmentIsABadRequestNamingTheField() {
        long id = concernWhere("refer");
        var p = Http.problem(client, post(id, "refer", Map.of("version", version(id), "text", "请部门处理")), 400);
        assertEquals("departmentId", field(p));
        assertEquals("ACCEPTED", detail(id).get("state"));
    }

    /** A concern in a state where the head may do {@code action}. */
    private long concernWhere(String action) {
        long id = submit("动作字段检查：" + action + " 需要的字段");
        switch (action) {
            case "refer", "resolve" -> act(id, "accept");
            case "department-answer", "request-extension", "urge", "return", "sign" -> refer(id);
            case "dept-answer" -> {
                refer(id);
                act(id, "sign");
            }
            case "approve-extension", "reject-extension" -> {
                refer(id);
                act(id, "request-extension", "until", java.time.LocalDate.now(Times.ZONE).plusDays(40).toString(), "text", "需要更多时间");
            }
            default -> {
            }
        }
        return id;
    }

    // ------------------------------------------------------------------ one definition of overdue

    @Test
    void theQueueFlagTheBoardTheDashboardAndTheOverdueJobAgreeOnWhatIsOverdue() {
        Instant now = Times.now();
        long lateFirstResponse = submit("超期一致：一直没人受理");
        long lateDepartment = refer(submit("超期一致：部门逾期未答复"));
        long lateResolution = submit("超期一致：受理后迟迟未办结");
        act(lateResolution, "accept");
        long fresh = submit("超期一致：刚刚提交的反映");
        long resolvedLate = submit("超期一致：办结得晚但已办结");
        act(resolvedLate, "accept");
        act(resolvedLate, "resolve", "outcome", "SOLVED", "text", "已解决");
        long answered = submit("超期一致：答复过但首次响应期限已过");
        act(answered, "reply", "text", "已收到，正在处理");
        setDue(lateFirstResponse, "first_response_due", now.minus(Duration.ofDays(2)));
        setDue(lateDepartment, "department_deadline", now.minus(Duration.ofDays(1)));
        setDue(lateResolution, "resolution_due", now.minus(Duration.ofHours(3)));
        setDue(resolvedLate, "resolution_due", now.minus(Duration.ofDays(5)));
        setDue(answered, "first_response_due", now.minus(Duration.ofDays(5)));
        Set<Long> expected = Set.of(lateFirstResponse, lateDepartment, lateResolution);
        Set<Long> mine = Set.of(lateFirstResponse, lateDepartment, lateResolution, fresh, resolvedLate, answered);

        var queue = list(get(client, "/api/v1/stations/" + station + "/queue?size=50&state=open", head).get("items"));
        Set<Long> flagged = queue.stream().filter(i -> mine.contains(id(i)) && Boolean.TRUE.equals(i.get("overdue")))
                .map(LifecycleContractTest::id).collect(Collectors.toSet());
        assertEquals(expected, flagged, "queue flags");
        var filtered = list(get(client, "/api/v1/stations/" + station + "/queue?size=50&overdue=true", head).get("items"));
        assertEquals(expected, filtered.stream().map(LifecycleContractTest::id).filter(mine::contains)
                .collect(Collectors.toSet()), "queue filter overdue=true");
        for (long id : mine) {
            assertEquals(expected.contains(id), detail(id).get("overdue"), "detail of " + id);
        }

        var board = list(client.retrieve(HttpRequest.GET("/api/v1/stations/" + station + "/overdue").bearerAuth(head), Http.LIST));
        Set<Long> red = board.stream().filter(b -> "RED".equals(b.get("colour")) && mine.contains(cid(b)))
                .map(LifecycleContractTest::cid).collect(Collectors.toSet());
        assertEquals(expected, red, "board red items");
        Set<Long> redResolution = board.stream().filter(b -> "RED".equals(b.get("colour")) && "RESOLUTION".equals(b.get("segment"))
                && mine.contains(cid(b))).map(LifecycleContractTest::cid).collect(Collectors.toSet());
        assertEquals(Set.of(lateResolution), redResolution);

        String today = java.time.LocalDate.now(Times.ZONE).toString();
        var totals = map(get(client, "/api/v1/stations/" + station + "/dashboard?from=" + today + "&to=" + today, head).get("totals"));
        long openOverdueOfOthers = board.stream().filter(b -> "RED".equals(b.get("colour")) && "RESOLUTION".equals(b.get("segment"))
                && !mine.contains(cid(b))).map(LifecycleContractTest::cid).filter(this::receivedToday).count();
        assertEquals(1 + openOverdueOfOthers, ((Number) totals.get("openOverdue")).longValue(), "dashboard open overdue");

        overdueJob.runOnce(Times.now());
        Set<Long> escalated = mine.stream().filter(id -> Db.count(tx,
                "SELECT COUNT(*) FROM sla_escalation WHERE concern_id = ? AND level = 'HEAD_RED'", id) > 0).collect(Collectors.toSet());
        assertEquals(expected, escalated, "overdue job red escalations");
    }

    @Test
    void aRuleChangeMovesTheStoredDeadlinesOfUnfinishedConcernsOnly() {
        long open = submit("期限刷新：规则改变后期限随之改变");
        long closed = submit("期限刷新：已不予受理的反映期限不变");
        act(closed, "reject", "text", "不属于受理范围");
        Instant before = due(open);
        Instant closedBefore = due(closed);
        String admin = Logins.token(client, "shanxi-admin"); // a rule for every region: the root (province) admin
        try {
            putRule(admin, 40);
            assertTrue(due(open).isAfter(before.plus(Duration.ofDays(30))), "open concern: " + before + " -> " + due(open));
            assertEquals(closedBefore, due(closed), "a finished concern keeps the deadline it was handled under");
            assertEquals(Boolean.FALSE, detail(open).get("overdue"));
        } finally {
            putRule(admin, 15);
        }
        assertEquals(before, due(open));
    }

    private void putRule(String admin, int resolutionDays) {
        client.exchange(HttpRequest.PUT("/api/v1/admin/sla-rules", Map.of("category", "生活环境",
                "resolutionDays", resolutionDays)).bearerAuth(admin));
    }

    private Instant due(long id) {
        return tx.executeRead(status -> {
            try (var ps = status.getConnection().prepareStatement("SELECT resolution_due FROM concern WHERE id = ?")) {
                ps.setLong(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getTimestamp(1).toInstant();
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    private boolean receivedToday(long id) {
        return Db.count(tx, "SELECT COUNT(*) FROM concern WHERE id = ? AND created_at >= ?", id,
                Timestamp.from(java.time.LocalDate.now(Times.ZONE).atStartOfDay(Times.ZONE).toInstant())) > 0;
    }

    private void setDue(long id, String column, Instant at) {
        Db.sql(tx, "UPDATE concern SET " + column + " = ? WHERE id = ?", Timestamp.from(at), id);
    }

    private long submit(String content) {
        var answer = Intake.submit(client, Intake.body(code, content));
        return Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", answer.get("trackingNo"));
    }

    private long refer(long id) {
        act(id, "accept");
        act(id, "refer", "departmentId", ids.department("孝义市", "孝义市住房和城乡建设局"));
        return id;
    }

    private Map<String, Object> detail(long id) {
        return get(client, "/api/v1/concerns/" + id, head);
    }

    private long version(long id) {
        return ((Number) detail(id).get("version")).longValue();
    }

    /** The department's own actions are posted by the department the concern is referred to; the rest by the head. */
    private HttpRequest<?> post(long id, String action, Map<String, Object> body) {
        String token = Set.of("sign", "dept-answer", "return").contains(action)
                ? Logins.token(client, "dept-xiaoyi-zhujian") : head;
        return HttpRequest.POST("/api/v1/concerns/" + id + "/actions/" + action, body).bearerAuth(token);
    }

    private void act(long id, String action, Object... kv) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version(id));
        for (int i = 0; i + 1 < kv.length; i += 2) {
            body.put((String) kv[i], kv[i + 1]);
        }
        client.retrieve(post(id, action, body), Http.MAP);
    }

    private static String field(Map<String, Object> problem) {
        var errors = list(problem.get("errors"));
        if (errors.isEmpty()) {
            fail("no field in " + problem);
        }
        return (String) errors.get(0).get("field");
    }

    private static long id(Map<String, Object> item) {
        return ((Number) item.get("id")).longValue();
    }

    private static long cid(Map<String, Object> item) {
        return ((Number) item.get("concernId")).longValue();
    }
}
