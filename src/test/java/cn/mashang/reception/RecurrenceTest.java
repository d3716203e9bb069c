package cn.mashang.reception;

import cn.mashang.calendar.WorkingCalendar;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Rule dates across the 2026 holidays and 调休 make-up days (dates worked out by hand from DESIGN.md §8). */
@MicronautTest
class RecurrenceTest {
    @Inject
    WorkingCalendar calendar;

    private List<LocalDate> actual(RuleKind kind, Integer dom, Integer dow, HolidayPolicy policy, String from, String to) {
        return Recurrence.between(new RulePattern(kind, dom, dow, null), policy, LocalDate.parse(from), LocalDate.parse(to),
                calendar::isWorkingDay).stream().map(Recurrence.Occurrence::actual).toList();
    }

    private static List<LocalDate> dates(String... d) {
        return java.util.Arrays.stream(d).map(LocalDate::parse).toList();
    }

    @Test
    void theFifthOfOctoberFallsInNationalDayAndMovesToThursdayTheEighth() {
        assertEquals(DayOfWeek.THURSDAY, LocalDate.of(2026, 10, 8).getDayOfWeek());
        assertEquals(dates("2026-10-08"),
                actual(RuleKind.MONTHLY_DAY, 5, null, HolidayPolicy.NEXT_WORKING_DAY, "2026-10-01", "2026-10-31"));
    }

    @Test
    void skipDropsTheOctoberReceptionDay() {
        assertEquals(List.of(), actual(RuleKind.MONTHLY_DAY, 5, null, HolidayPolicy.SKIP, "2026-10-01", "2026-10-31"));
    }

    @Test
    void previousWorkingDayMovesTheOctoberFifthBackToWednesdaySeptemberThirtieth() {
        assertEquals(dates("2026-09-30"),
                actual(RuleKind.MONTHLY_DAY, 5, null, HolidayPolicy.PREVIOUS_WORKING_DAY, "2026-10-01", "2026-10-31"));
    }

    @Test
    void qingmingMovesTheAprilFifthToTuesdayTheSeventh() {
        // Sat 4, Sun 5 and Mon 6 April are 清明 holidays
        assertEquals(dates("2026-04-07"),
                actual(RuleKind.MONTHLY_DAY, 5, null, HolidayPolicy.NEXT_WORKING_DAY, "2026-04-01", "2026-04-30"));
    }

    @Test
    void aYearOfMonthlyFifthsMovesOnlyTheNonWorkingOnes() {
        // Jan 5 Mon; Feb 5 Thu; Mar 5 Thu; Apr 5 清明 → 7; May 5 劳动节 (1–5) → Wed 6; Jun 5 Fri; Jul 5 Sun → Mon 6;
        // Aug 5 Wed; Sep 5 Sat → Mon 7; Oct 5 国庆 → Thu 8; Nov 5 Thu; Dec 5 Sat → Mon 7
        assertEquals(dates("2026-01-05", "2026-02-05", "2026-03-05", "2026-04-07", "2026-05-06", "2026-06-05",
                        "2026-07-06", "2026-08-05", "2026-09-07", "2026-10-08", "2026-11-05", "2026-12-07"),
                actual(RuleKind.MONTHLY_DAY, 5, null, HolidayPolicy.NEXT_WORKING_DAY, "2026-01-01", "2026-12-31"));
    }

    @Test
    void keepHoldsTheReceptionDayEvenOnAHoliday() {
        assertEquals(dates("2026-10-05"),
                actual(RuleKind.MONTHLY_DAY, 5, null, HolidayPolicy.KEEP, "2026-10-01", "2026-10-31"));
    }

    @Test
    void aWorkingDaysOnlySaturdayRuleMeetsOnlyOnTheFourMakeUpSaturdaysOf2026() {
        assertEquals(dates("2026-02-14", "2026-02-28", "2026-05-09", "2026-10-10"),
                actual(RuleKind.WEEKLY, null, 6, HolidayPolicy.SKIP, "2026-01-01", "2026-12-31"));
    }

    @Test
    void aWorkingDaysOnlyWednesdayRuleSkipsTheWednesdayOfNationalDayWeek() {
        assertEquals(dates("2026-09-23", "2026-09-30", "2026-10-14"),
                actual(RuleKind.WEEKLY, null, 3, HolidayPolicy.SKIP, "2026-09-21", "2026-10-18"));
    }

    @Test
    void aWednesdayRuleThatMovesMeetsOnThursdayAfterNationalDay() {
        assertEquals(dates("2026-09-30", "2026-10-08", "2026-10-14"),
                actual(RuleKind.WEEKLY, null, 3, HolidayPolicy.NEXT_WORKING_DAY, "2026-09-28", "2026-10-18"));
    }

    @Test
    void aMakeUpSundayAddsNoSessionToAWeekdayRule() {
        // Sun 2026-09-20 is a make-up working day; a Monday rule still meets on Mondays only
        assertEquals(dates("2026-09-14", "2026-09-21"),
                actual(RuleKind.WEEKLY, null, 1, HolidayPolicy.SKIP, "2026-09-14", "2026-09-21"));
    }

    @Test
    void theThirtyFirstMeansTheLastDayOfAShorterMonth() {
        assertEquals(dates("2026-04-30"),
                actual(RuleKind.MONTHLY_DAY, 31, null, HolidayPolicy.NEXT_WORKING_DAY, "2026-04-01", "2026-04-30"));
    }

    @Test
    void aYearWithoutCalendarFallsBackToMondayToFriday() {
        assertFalse(calendar.hasCalendar(2027));
        // 2027-06-05 is a Saturday → Monday 7 June; 2027-01-05 (Tuesday) stays, holidays of 2027 are unknown
        assertEquals(dates("2027-01-05", "2027-02-05", "2027-03-05"),
                actual(RuleKind.MONTHLY_DAY, 5, null, HolidayPolicy.NEXT_WORKING_DAY, "2027-01-01", "2027-03-31"));
        assertEquals(dates("2027-06-07"),
                actual(RuleKind.MONTHLY_DAY, 5, null, HolidayPolicy.NEXT_WORKING_DAY, "2027-06-01", "2027-06-30"));
    }
}
