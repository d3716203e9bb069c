package cn.mashang.reception;

import cn.mashang.Db;

import cn.mashang.common.JobLock;

import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules generate sessions over the horizon idempotently; one-offs; public lists; plans; reminders. */
@MicronautTest(transactional = false)
@Property(name = "test.clock", value = "2026-09-20T10:00:00")
class ReceptionScheduleTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    SessionPlanner planner;
    @Inject
    ReceptionRepositories.Rules rules;
    @Inject
    ReceptionJobs jobs;
    @Inject
    TransactionOperations<Connection> tx;

    private long qjny() {
        return ids.station(DemoIds.QJNY);
    }

    private Map<String, Object> monthlyRule(String token, String policy) {
        return Rx.post(http.toBlocking(), token, "/api/v1/stations/" + qjny() + "/reception-rules", Map.of(
                "kind", "MONTHLY_DAY", "dayOfMonth", 5, "startTime", "09:00", "endTime", "12:00",
                "holidayPolicy", policy, "capacity", 10, "deputyIds", List.of(ids.deputy("王建华"))));
    }

    @Test
    void aMonthlyRuleGeneratesTheMovedOctoberSessionAndNovemberWithinSixtyDays() {
        var c = http.toBlocking();
        Map<String, Object> rule = monthlyRule(Logins.token(c, "head-qjny"), "NEXT_WORKING_DAY");
        // horizon 2026-09-20 .. 2026-11-19: Oct 5 (国庆) → Thu Oct 8; Nov 5 (Thu) stays
        assertEquals(2, Rx.num(rule, "generated"));
        assertEquals("每月5日 09:00—12:00（遇节假日顺延至下一个工作日）", rule.get("description"));
        List<Map<String, Object>> sessions = list(c.retrieve(HttpRequest.GET("/api/v1/stations/" + qjny()
                + "/sessions?upcoming=true"), Http.LIST));
        List<Map<String, Object>> mine = sessions.stream().filter(s -> Long.valueOf(Rx.id(rule)).equals(
                s.get("ruleId") == null ? null : ((Number) s.get("ruleId")).longValue())).toList();
        assertEquals(List.of("2026-10-08", "2026-11-05"), mine.stream().map(s -> s.get("date")).toList());
        assertEquals(List.of(true, false), mine.stream().map(s -> s.get("moved")).toList());
        assertEquals("2026-10-08T09:00:00+08:00", mine.get(0).get("startsAt"));
        Map<String, Object> duty = Http.list(mine.get(0).get("deputies")).get(0);
        assertEquals("王建华", duty.get("name"));
        assertNull(duty.get("checkedInAt"));
    }

    @Test
    void generatingAgainCreatesNothingNew() {
        var c = http.toBlocking();
        long ruleId = Rx.id(monthlyRule(Logins.token(c, "liaison-qjny"), "SKIP"));
        ReceptionRule rule = rules.findById(ruleId).orElseThrow();
        // SKIP: Oct 5 is dropped, Nov 5 remains
        long before = Db.count(tx, "SELECT COUNT(*) FROM reception_session WHERE rule_id = ?", ruleId);
        assertEquals(1, before);
        assertEquals(0, planner.generate(rule, LocalDate.of(2026, 9, 20), LocalDate.of(2026, 11, 19)));
        // Sat 2026-12-05 is skipped too; Tue 2027-01-05 is new
        assertEquals(1, planner.generate(rule, LocalDate.of(2026, 9, 20), LocalDate.of(2027, 1, 31)));
        assertEquals(0, planner.generate(rule, LocalDate.of(2026, 9, 20), LocalDate.of(2027, 1, 31)));
        assertEquals(List.of("2026-11-05", "2027-01-05"), List.of(
                Db.text(tx, "SELECT session_date FROM reception_session WHERE rule_id = ? ORDER BY session_date LIMIT 1", ruleId),
                Db.text(tx, "SELECT session_date FROM reception_session WHERE rule_id = ? ORDER BY session_date DESC LIMIT 1", ruleId)));
    }

    @Test
    void aDeputyCannotCreateRulesAndAnotherStationsLiaisonSeesNotFound() {
        var c = http.toBlocking();
        Map<String, Object> body = Map.of("kind", "WEEKLY", "dayOfWeek", 3, "startTime", "14:30", "endTime", "17:30");
        Http.problem(c, Rx.as(HttpRequest.POST("/api/v1/stations/" + qjny() + "/reception-rules", body),
                Logins.token(c, "13800000001")), 404);
        Http.problem(c, Rx.as(HttpRequest.POST("/api/v1/stations/" + qjny() + "/reception-rules", body),
                Logins.token(c, "liaison-shuitou")), 404);
    }

    @Test
    void aWeeklyRuleWithoutDayOfWeekIsRefused() {
        var c = http.toBlocking();
        Map<String, Object> p = Http.problem(c, Rx.as(HttpRequest.POST("/api/v1/stations/" + qjny() + "/reception-rules",
                Map.of("kind", "WEEKLY", "startTime", "14:30", "endTime", "17:30")), Logins.token(c, "head-qjny")), 400);
        assertTrue(p.toString().contains("星期"), p::toString);
    }

    @Test
    void onDutyDeputiesMustBeMembersOfTheStation() {
        var c = http.toBlocking();
        Http.problem(c, Rx.as(HttpRequest.POST("/api/v1/stations/" + qjny() + "/sessions", Map.of("date", "2026-09-25",
                "startTime", "09:00", "endTime", "11:00", "deputyIds", List.of(ids.deputy("曹红梅")))),
                Logins.token(c, "head-qjny")), 400);
    }

    @Test
    void publishedPlansAreListedPubliclyAndDraftsAreNot() {
        var c = http.toBlocking();
        String head = Logins.token(c, "head-qjny");
        Map<String, Object> draft = Rx.post(c, head, "/api/v1/stations/" + qjny() + "/plans", Map.of("title", "煤化工企业用工调研",
                "form", "SURVEY", "startsAt", "2026-10-12T09:00:00+08:00", "convener", "王建华"));
        assertEquals("DRAFT", draft.get("status"));
        Map<String, Object> published = Rx.post(c, Logins.token(c, "liaison-qjny"), "/api/v1/stations/" + qjny() + "/plans",
                Map.of("title", "园区企业座谈会", "form", "SYMPOSIUM", "startsAt", "2026-09-28T15:00:00+08:00",
                        "participants", "园区企业代表", "deputyIds", List.of(ids.deputy("王建华")), "publish", true));
        assertEquals("座谈", published.get("formLabel"));
        List<Map<String, Object>> pub = list(c.retrieve(HttpRequest.GET("/api/v1/stations/" + qjny() + "/plans"),
                Http.LIST));
        assertEquals(List.of("园区企业座谈会"), pub.stream().map(p -> p.get("title")).toList());
        Rx.post(c, head, "/api/v1/plans/" + Rx.id(draft) + "/publish", Map.of());
        Map<String, Object> upcoming = Http.get(c, "/api/v1/stations/" + qjny() + "/upcoming");
        assertEquals(List.of("园区企业座谈会", "煤化工企业用工调研"),
                list(upcoming.get("plans")).stream().map(p -> p.get("title")).toList());
    }

    @Test
    void onDutyDeputiesAreRemindedOnceWithinTheLeadTime() {
        var c = http.toBlocking();
        String head = Logins.token(c, "head-qjny");
        long wang = ids.deputy("王建华");
        Map<String, Object> tomorrow = Rx.post(c, head, "/api/v1/stations/" + qjny() + "/sessions", Map.of(
                "date", "2026-09-21", "startTime", "09:00", "endTime", "11:00", "deputyIds", List.of(wang)));
        Map<String, Object> later = Rx.post(c, head, "/api/v1/stations/" + qjny() + "/sessions", Map.of(
                "date", "2026-09-24", "startTime", "09:00", "endTime", "11:00", "deputyIds", List.of(wang)));
        jobs.remind();
        String key = "session-reminder:" + Rx.id(tomorrow) + ":" + wang;
        assertEquals(1, Db.count(tx, "SELECT COUNT(*) FROM notification_outbox WHERE dedupe_key = ?", key));
        assertEquals(0, Db.count(tx, "SELECT COUNT(*) FROM notification_outbox WHERE dedupe_key = ?",
                "session-reminder:" + Rx.id(later) + ":" + wang));
        assertTrue(Db.text(tx, "SELECT payload FROM notification_outbox WHERE dedupe_key = ?", key).contains("王建华"));
        jobs.remind();
        assertEquals(1, Db.count(tx, "SELECT COUNT(*) FROM notification_outbox WHERE dedupe_key = ?", key));
    }

    @Inject
    JobLock lock;

    @Test
    void theJobLockLetsOneClaimantRunARoundUntilItsLeaseEnds() {
        var t0 = FixedClock.beijing("2026-09-20T10:00:00");
        assertTrue(lock.claim("reception-generate", t0, java.time.Duration.ofMinutes(4)).isPresent());
        assertFalse(lock.claim("reception-generate", t0.plusSeconds(60), java.time.Duration.ofMinutes(4)).isPresent());
        assertTrue(lock.claim("reception-generate", t0.plusSeconds(240), java.time.Duration.ofMinutes(4)).isPresent());
    }

    @Test
    void theReceptionPagesAreServedWithoutInlineScripts() {
        var c = http.toBlocking();
        for (String path : new String[]{"/r/1", "/manage/reception?station=1", "/work/archive"}) {
            var r = c.exchange(HttpRequest.GET(path), String.class);
            assertEquals(200, r.code(), path);
            String html = r.body();
            assertTrue(html.contains("<html lang=\"zh-CN\">"), path);
            // executable scripts only from files; the shared head's labels are a JSON data block, never run
            assertFalse(html.matches("(?s).*<script(?![^>]*(src=|type=\"application/json\"))[^>]*>.*"), path);
        }
    }
}
