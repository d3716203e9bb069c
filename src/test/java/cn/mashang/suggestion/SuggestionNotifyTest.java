package cn.mashang.suggestion;

import cn.mashang.Db;
import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.concern.Intake;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
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
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.mashang.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The messages of a suggestion (issue 24) in the staff outbox: the author deputy and the lead unit are told of the
 * assignment, of each reply and of the second handling; through their own robots when configured.
 */
@MicronautTest(transactional = false)
class SuggestionNotifyTest {
    static final String DEPUTY = "13800000001";   // 王建华, 清洁能源
    static final String ADMIN = "lvliang-admin";
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    JdbcOperations jdbc;
    @Inject
    DemoIds ids;
    BlockingHttpClient client;
    String code;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        code = (String) get(client, "/api/v1/stations/" + ids.station(DemoIds.QJNY)).get("code");
    }

    /** A row of the outbox: kind, channel, target, payload, station. */
    record Row(String kind, String channel, String target, String payload, Long stationId) {
    }

    List<Row> rows(Object suggestionId) {
        return tx.executeRead(st -> jdbc.prepareStatement("""
                SELECT kind, channel, target, payload, station_id FROM notification_outbox WHERE dedupe_key LIKE ?
                ORDER BY id""", ps -> {
            ps.setString(1, "suggestion:" + suggestionId + ":%");
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            (Long) rs.getObject(5, Long.class)));
                }
            }
            return out;
        }));
    }

    List<String> kinds(Object id) {
        return rows(id).stream().map(Row::kind).toList();
    }

    Object assigned(String content) {
        var answer = Intake.submit(client, Intake.body(code, content));
        long concern = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", answer.get("trackingNo"));
        Object id = client.retrieve(HttpRequest.POST("/api/v1/suggestions", Map.of("title", "关于增设公交线路的建议",
                "body", "群众反映新区没有公交，出行困难。", "sessionName", "市三届人大八次会议", "category", "交通运输",
                "concernIds", List.of(concern))).bearerAuth(Logins.token(client, DEPUTY)), Http.MAP).get("id");
        act(ADMIN, id, "register", "number", "JY-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(List.of(), kinds(id), "drafting and registering tell no one");
        act(ADMIN, id, "assign", "leadDepartmentId", ids.department("孝义市", "孝义市住房和城乡建设局"));
        return id;
    }

    void act(String login, Object id, String action, Object... kv) {
        SuggestionCalls.act(client, login, id, action, kv);
    }

    @Test
    void anAssignmentTellsTheAuthorThroughTheStationGroupAndTheLeadUnitWithTheNumberAndDeadlineButNoResidentText() {
        Object id = assigned("通知：新区没有公交线路，老人看病不便");
        var rows = rows(id);
        assertEquals(List.of("suggestion.assigned.deputy", "suggestion.assigned.unit"), rows.stream().map(Row::kind).toList());
        String number = (String) get(client, "/api/v1/suggestions/" + id, Logins.token(client, ADMIN)).get("number");
        for (Row r : rows) {
            assertEquals("LOG", r.channel());
            assertEquals("default", r.target(), "no robot configured: the station group / the default target");
            assertEquals(ids.station(DemoIds.QJNY), r.stationId(), "the committee of the station's region sees it");
            assertTrue(r.payload().contains(number) && r.payload().contains("孝义市住房和城乡建设局")
                    && r.payload().contains("答复期限"), r.payload());
            assertFalse(r.payload().contains("老人看病"), "no resident content");
        }
        assertTrue(rows.get(0).payload().contains("建议已交办") && rows.get(0).payload().contains("/work/suggestions?id=" + id));
        assertTrue(rows.get(1).payload().contains("新交办建议") && rows.get(1).payload().contains("/dept/suggestions?id=" + id));
    }

    @Test
    void aReplyByTheLeadUnitTellsTheAuthorAndTheUnit() {
        Object id = assigned("通知：公交站台没有遮雨棚");
        act("dept-xiaoyi-zhujian", id, "reply", "text", "已协调公交公司，下月开通新区线路。");
        var replied = rows(id).stream().filter(r -> r.kind().startsWith("suggestion.replied")).toList();
        assertEquals(List.of("suggestion.replied.deputy", "suggestion.replied.unit"), replied.stream().map(Row::kind).toList());
        assertTrue(replied.get(0).payload().contains("建议已答复"));
    }

    @Test
    void aDissatisfiedRatingTellsBothOfTheSecondHandlingAndItsSecondReplyTellsThemAgainWhileSatisfiedTellsNoOne() {
        Object id = assigned("通知：公交班次太少，等车一小时");
        act("dept-xiaoyi-zhujian", id, "reply", "text", "已增加班次。");
        act(DEPUTY, id, "rate", "rating", "DISSATISFIED", "comment", "只增加了早班");
        var reopened = rows(id).stream().filter(r -> r.kind().startsWith("suggestion.reopened")).toList();
        assertEquals(List.of("suggestion.reopened.deputy", "suggestion.reopened.unit"), reopened.stream().map(Row::kind).toList());
        assertTrue(reopened.get(1).payload().contains("建议二次办理") && reopened.get(1).payload().contains("答复期限"));
        act(ADMIN, id, "reply", "text", "二次答复：全天加密班次。");
        assertEquals(4, rows(id).stream().filter(r -> r.kind().startsWith("suggestion.replied")).count(),
                "each round's reply is told once to each");
        int before = rows(id).size();
        act(DEPUTY, id, "rate", "rating", "SATISFIED");
        assertEquals(before, rows(id).size(), "a closing rating sends nothing");
    }

    @Test
    void theDeputysOwnRobotAndTheUnitsRobotTakeTheMessagesWhenConfigured() {
        long account = Db.count(tx, "SELECT id FROM staff_account WHERE login_name = ? OR mobile = ?", DEPUTY, DEPUTY);
        long unit = ids.department("孝义市", "孝义市住房和城乡建设局");
        String now = "2026-11-01 08:00:00";
        Db.sql(tx, "INSERT INTO notify_target (owner_kind, owner_id, region_id, channel, target, active, created_at, updated_at) "
                + "VALUES ('ACCOUNT', ?, ?, 'WECOM', 'wang-jianhua', TRUE, ?, ?)", account, ids.region("孝义市"), now, now);
        Db.sql(tx, "INSERT INTO notify_target (owner_kind, owner_id, region_id, channel, target, active, created_at, updated_at) "
                + "VALUES ('DEPARTMENT', ?, ?, 'DINGTALK', 'xiaoyi-zhujian', TRUE, ?, ?)", unit, ids.region("孝义市"), now, now);
        try {
            Object id = assigned("通知：路口没有红绿灯");
            var rows = rows(id);
            assertEquals(List.of("WECOM wang-jianhua", "DINGTALK xiaoyi-zhujian"),
                    rows.stream().map(r -> r.channel() + " " + r.target()).toList());
        } finally {
            Db.sql(tx, "DELETE FROM notify_target WHERE target IN ('wang-jianhua', 'xiaoyi-zhujian')");
        }
    }
}
