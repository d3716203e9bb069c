package cn.mashang.calendar;

import cn.mashang.common.ApiException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin API's logic, through the service (HTTP with tokens is added after the auth merge). */
@MicronautTest
class CalendarAdminTest {
    @Inject
    CalendarAdmin admin;
    @Inject
    WorkingCalendar calendar;

    private static SpecialDay day(String date, DayKind kind, String name) {
        return new SpecialDay(LocalDate.parse(date), kind, name);
    }

    @Test
    void the2026ArrangementListsEveryOffDayAndMakeUpDay() {
        CalendarYearView y = admin.get(2026);
        assertTrue(y.loaded());
        assertEquals("国务院办公厅 2025-11-04", y.source());
        assertEquals(33, y.days().stream().filter(d -> d.kind() == DayKind.HOLIDAY).count());
        assertEquals(6, y.days().stream().filter(d -> d.kind() == DayKind.WORKDAY).count());
        assertEquals(new SpecialDay(LocalDate.of(2026, 10, 10), DayKind.WORKDAY, "国庆节"),
                y.days().stream().filter(d -> d.date().equals(LocalDate.of(2026, 10, 10))).findFirst().orElseThrow());
    }

    @Test
    void replacingAYearLoadsItAndTheCachedCalendarFollowsAtOnce() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2030, 1, 1)), "Tuesday of an unloaded year");
        assertFalse(calendar.hasCalendar(2030));
        admin.replace(2030, new CalendarYearView.Replace("测试安排", List.of(
                day("2030-01-01", DayKind.HOLIDAY, "元旦"), day("2030-01-05", DayKind.WORKDAY, "元旦"))));
        assertTrue(calendar.hasCalendar(2030));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2030, 1, 1)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2030, 1, 5)), "make-up Saturday");
        assertEquals(2, admin.get(2030).days().size());
        assertEquals("测试安排", admin.get(2030).source());
    }

    @Test
    void anEmptyReplacementIsALoadedYearWithoutHolidays() {
        CalendarYearView y = admin.replace(2031, new CalendarYearView.Replace(null, List.of()));
        assertTrue(y.loaded());
        assertTrue(y.days().isEmpty());
        assertTrue(calendar.hasCalendar(2031));
    }

    @Test
    void aMakeUpWorkdayOnAWeekdayIsRejectedWithTheFieldNamed() {
        ApiException e = assertThrows(ApiException.class, () -> admin.replace(2032, new CalendarYearView.Replace(null, List.of(
                day("2032-01-01", DayKind.HOLIDAY, "元旦"), day("2032-01-05", DayKind.WORKDAY, "元旦")))));
        assertEquals(400, e.status().getCode());
        assertTrue(e.getMessage().startsWith("days[1]: 2032-01-05 是工作日"), e.getMessage());
        assertFalse(calendar.hasCalendar(2032), "nothing saved");
    }

    @Test
    void aHolidayOnAWeekendIsAccepted() {
        CalendarYearView y = admin.replace(2033, new CalendarYearView.Replace(null, List.of(day("2033-01-01", DayKind.HOLIDAY, "元旦"))));
        assertEquals(LocalDate.of(2033, 1, 1).getDayOfWeek(), java.time.DayOfWeek.SATURDAY);
        assertEquals(1, y.days().size());
    }

    @Test
    void dateOutsideTheYearAndDuplicatesAreRejected() {
        ApiException outside = assertThrows(ApiException.class, () -> admin.replace(2034,
                new CalendarYearView.Replace(null, List.of(day("2035-01-01", DayKind.HOLIDAY, "元旦")))));
        assertEquals(400, outside.status().getCode());
        assertTrue(outside.getMessage().contains("不在 2034 年内"), outside.getMessage());
        ApiException dup = assertThrows(ApiException.class, () -> admin.replace(2034, new CalendarYearView.Replace(null, List.of(
                day("2034-01-02", DayKind.HOLIDAY, "元旦"), day("2034-01-02", DayKind.HOLIDAY, "元旦")))));
        assertTrue(dup.getMessage().contains("重复"), dup.getMessage());
        assertThrows(ApiException.class, () -> admin.get(1999));
    }

    @Test
    void csvImportToleratesBomAndCrlfAndChineseKinds() {
        String csv = "\uFEFFdate,kind,name\r\n2035-01-01,HOLIDAY,元旦\r\n2035-02-03,上班,春节\r\n\r\n2035-02-05,放假,春节\r\n";
        CalendarYearView y = admin.importCsv(2035, csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(day("2035-01-01", DayKind.HOLIDAY, "元旦"), day("2035-02-03", DayKind.WORKDAY, "春节"),
                day("2035-02-05", DayKind.HOLIDAY, "春节")), y.days());
        assertTrue(calendar.isWorkingDay(LocalDate.of(2035, 2, 3)), "Saturday make-up day");
    }

    @Test
    void csvErrorsNameTheLine() {
        String csv = "date,kind,name\n2036-01-01,HOLIDAY,元旦\n2036-01-0x,HOLIDAY,元旦\n2036-01-02,WORKDAY,元旦\n";
        ApiException e = assertThrows(ApiException.class, () -> admin.importCsv(2036, csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, e.status().getCode());
        assertTrue(e.getMessage().startsWith("第 3 行："), e.getMessage());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) e.extra().get("errors");
        assertEquals(List.of(3, 4), errors.stream().map(m -> m.get("line")).toList());
        assertFalse(calendar.hasCalendar(2036));
    }

    @Test
    void csvWithoutHeaderOrNotUtf8IsRejected() {
        ApiException header = assertThrows(ApiException.class,
                () -> admin.importCsv(2037, "2037-01-01,HOLIDAY,元旦\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(header.getMessage().startsWith("第 1 行"), header.getMessage());
        ApiException gbk = assertThrows(ApiException.class,
                () -> admin.importCsv(2037, "date,kind,name\n2037-01-01,HOLIDAY,元旦\n".getBytes(java.nio.charset.Charset.forName("GBK"))));
        assertTrue(gbk.getMessage().contains("UTF-8"), gbk.getMessage());
    }
}
