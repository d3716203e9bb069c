package cn.mashang.reception;

import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules on the n-th weekday of the month (每月第一个周三, 每月最后一个周五) over the turn of 2026 → 2027, and one text
 * for a rule on the station page and at the reception desk. Today is 2026-12-10, so the 60-day horizon ends
 * 2027-02-08.
 */
@MicronautTest(transactional = false)
@Property(name = "test.clock", value = "2026-12-10T10:00:00")
class MonthlyWeekdayRuleTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;

    private long qjny() {
        return ids.station(DemoIds.QJNY);
    }

    private Map<String, Object> rule(int weekOfMonth, int dayOfWeek) {
        var c = http.toBlocking();
        return Rx.post(c, Logins.token(c, "head-qjny"), "/api/v1/stations/" + qjny() + "/reception-rules", Map.of(
                "kind", "MONTHLY_WEEKDAY", "dayOfWeek", dayOfWeek, "weekOfMonth", weekOfMonth, "startTime", "09:00",
                "endTime", "11:30", "holidayPolicy", "NEXT_WORKING_DAY"));
    }

    /** [nominal date, session date] of the rule's sessions, in order. */
    private List<List<Object>> dates(Map<String, Object> rule) {
        var c = http.toBlocking();
        List<Map<String, Object>> sessions = c.retrieve(Rx.as(HttpRequest.GET("/api/v1/stations/" + qjny()
                + "/sessions/staff?from=2026-12-01&to=2027-03-31"), Logins.token(c, "liaison-qjny")), Http.LIST);
        List<List<Object>> out = new ArrayList<>();
        for (Map<String, Object> s : sessions) {
            if (s.get("ruleId") != null && ((Number) s.get("ruleId")).longValue() == Rx.id(rule)) {
                out.add(List.of(s.get("nominalDate"), s.get("date")));
            }
        }
        return out;
    }

    @Test
    void aFirstFridayRuleMovesNewYearsDay2027ToMondayTheFourthAndKeepsTheFifthOfFebruary() {
        var c = http.toBlocking();
        c.retrieve(HttpRequest.POST("/api/v1/admin/calendar/2027/import", "date,kind,name\n2027-01-01,HOLIDAY,元旦\n")
                .contentType(MediaType.of("text/csv")).bearerAuth(Logins.token(c, "shanxi-admin")), Http.MAP);
        Map<String, Object> rule = rule(1, 5);
        assertEquals("每月第一个周五 09:00—11:30（遇节假日顺延至下一个工作日）", rule.get("description"));
        // Fri 2026-12-04 is before today; Fri 2027-01-01 is 元旦 → Sat, Sun → Mon 2027-01-04; Fri 2027-02-05 stays
        assertEquals(2, Rx.num(rule, "generated"));
        assertEquals(List.of(List.of("2027-01-01", "2027-01-04"), List.of("2027-02-05", "2027-02-05")), dates(rule));
    }

    @Test
    void aLastFridayRulePlansChristmasDay2026AndTheTwentyNinthOfJanuary2027() {
        Map<String, Object> rule = rule(-1, 5);
        assertEquals("每月最后一个周五 09:00—11:30（遇节假日顺延至下一个工作日）", rule.get("description"));
        // 2026-12-25 and 2027-01-29 are the last Fridays; 2027-02-26 lies beyond the horizon
        assertEquals(List.of(List.of("2026-12-25", "2026-12-25"), List.of("2027-01-29", "2027-01-29")), dates(rule));
    }

    @Test
    void theStationPageAndTheReceptionDeskPrintTheSameTextOfTheFirstWednesdayRule() {
        var c = http.toBlocking();
        List<Object> desk = c.retrieve(Rx.as(HttpRequest.GET("/api/v1/stations/" + qjny() + "/reception-rules"),
                Logins.token(c, "liaison-qjny")), Http.LIST).stream().map(r -> r.get("description")).toList();
        Map<String, Object> station = Http.get(c, "/api/v1/stations/" + qjny());
        Map<String, Object> page = Http.map(Http.get(c, "/api/v1/codes/" + station.get("code")).get("station"));
        assertEquals(List.of("每月第一个周三 09:00—12:00（遇节假日顺延至下一个工作日）"), desk);
        assertEquals(desk, station.get("receptionDays"));
        assertEquals(desk, page.get("receptionDays"));
        assertEquals("每月第一个周三 接待日", page.get("receptionNote"));
    }

    @Test
    void aRuleAddedAtTheDeskIsOnTheStationPageAtOnce() {
        var c = http.toBlocking();
        String code = (String) Http.get(c, "/api/v1/stations/" + qjny()).get("code");
        @SuppressWarnings("unchecked")
        List<Object> before = new ArrayList<>((List<Object>) Http.map(Http.get(c, "/api/v1/codes/" + code).get("station"))
                .get("receptionDays")); // read once, so the station's landing data is cached now
        Map<String, Object> rule = rule(3, 2);
        assertEquals("每月第三个周二 09:00—11:30（遇节假日顺延至下一个工作日）", rule.get("description"));
        before.add(rule.get("description"));
        assertEquals(before, Http.map(Http.get(c, "/api/v1/codes/" + code).get("station")).get("receptionDays"));
    }

    @Test
    void noDemoStationsNoteContradictsItsRuleAndEveryAnnouncedDayIsARule() {
        var c = http.toBlocking();
        List<String> wrong = new ArrayList<>();
        for (Map<String, Object> s : list(Http.get(c, "/api/v1/stations?page=0&size=100").get("items"))) {
            String note = (String) s.get("receptionNote");
            @SuppressWarnings("unchecked")
            List<String> days = (List<String>) Http.get(c, "/api/v1/stations/" + s.get("id")).get("receptionDays");
            if (note != null && (days.isEmpty() || days.stream().noneMatch(d -> note.startsWith(d.substring(0, d.indexOf(' ')))))) {
                wrong.add(s.get("name") + ": " + note + " vs " + days);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aMonthlyWeekdayRuleWithoutWhichWeekIsRefusedNamingTheField() {
        var c = http.toBlocking();
        Map<String, Object> p = Http.problem(c, Rx.as(HttpRequest.POST("/api/v1/stations/" + qjny() + "/reception-rules",
                Map.of("kind", "MONTHLY_WEEKDAY", "dayOfWeek", 3, "startTime", "09:00", "endTime", "12:00")),
                Logins.token(c, "head-qjny")), 400);
        assertEquals("weekOfMonth", list(p.get("errors")).get(0).get("field"));
        Map<String, Object> zero = Http.problem(c, Rx.as(HttpRequest.POST("/api/v1/stations/" + qjny() + "/reception-rules",
                Map.of("kind", "MONTHLY_WEEKDAY", "dayOfWeek", 3, "weekOfMonth", 0, "startTime", "09:00", "endTime", "12:00")),
                Logins.token(c, "head-qjny")), 400);
        assertTrue(zero.toString().contains("最后一个"), zero::toString);
    }
}
