package cn.mashang.sla;

import cn.mashang.calendar.TestCalendar;
import cn.mashang.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Working-day arithmetic on the 2026 calendar: plain unit tests, no application context. */
class WorkingCalendarTest {
    final WorkingCalendar calendar = TestCalendar.of2026();
    final Traffic traffic = new Traffic(calendar);

    private static Instant at(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    @Test
    void makeUpSaturdaysOf2026AreWorkingDays() {
        for (String d : new String[]{"2026-02-14", "2026-02-28", "2026-05-09", "2026-10-10"}) {
            LocalDate date = LocalDate.parse(d);
            assertEquals(DayOfWeek.SATURDAY, date.getDayOfWeek(), d);
            assertTrue(calendar.isWorkingDay(date), d);
        }
    }

    @Test
    void makeUpSundaysOf2026AreWorkingDays() {
        for (String d : new String[]{"2026-01-04", "2026-09-20"}) {
            LocalDate date = LocalDate.parse(d);
            assertEquals(DayOfWeek.SUNDAY, date.getDayOfWeek(), d);
            assertTrue(calendar.isWorkingDay(date), d);
        }
    }

    @Test
    void nationalDayWeekIsOffAndTheDayAfterIsWorking() {
        for (int day = 1; day <= 7; day++) {
            assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 10, day)), "Oct " + day);
        }
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 10, 8)));
    }

    @Test
    void springFestivalWeekdaysAndOrdinaryWeekendsAreOff() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 16)), "Mon of 春节");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 23)), "last day of 春节");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 3, 7)), "ordinary Saturday");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 3, 9)), "ordinary Monday");
    }

    @Test
    void threeWorkingDaysFromTheEveOfNationalDayEndOnTheMakeUpSaturday() {
        // Sep 30 is the start day (not counted); Oct 1–7 off; Oct 8 (1), Oct 9 (2), Sat Oct 10 make-up (3).
        Instant deadline = calendar.addWorkingDays(at("2026-09-30T15:20:00"), 3);
        assertEquals(at("2026-10-10T23:59:59.999"), deadline);
    }

    @Test
    void twoWorkingDaysFromTheFridayBeforeSpringFestivalSpanTheHoliday() {
        // Fri Feb 13 start; Sat Feb 14 make-up (1); Feb 15–23 off; Tue Feb 24 (2).
        assertEquals(at("2026-02-24T23:59:59.999"), calendar.addWorkingDays(at("2026-02-13T10:00:00"), 2));
        assertEquals(at("2026-02-14T23:59:59.999"), calendar.addWorkingDays(at("2026-02-13T10:00:00"), 1));
    }

    @Test
    void theStartDayIsTheShanghaiDateNotTheUtcDate() {
        // 2026-03-05T20:00Z is Friday 04:00 in Shanghai: one working day later is Monday Mar 9.
        assertEquals(at("2026-03-09T23:59:59.999"), calendar.addWorkingDays(Instant.parse("2026-03-05T20:00:00Z"), 1));
        assertEquals(at("2026-03-06T23:59:59.999"), calendar.addWorkingDays(Instant.parse("2026-03-05T20:00:00Z"), 0));
    }

    @Test
    void negativeWorkingDaysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> calendar.addWorkingDays(Instant.now(), -1));
    }

    @Test
    void anOrdinaryWeekendAddsNoWorkingTime() {
        assertEquals(1.0, calendar.workingDaysBetween(at("2026-03-06T12:00:00"), at("2026-03-09T12:00:00")), 1e-12);
        assertEquals(-1.0, calendar.workingDaysBetween(at("2026-03-09T12:00:00"), at("2026-03-06T12:00:00")), 1e-12);
        assertEquals(0.25, calendar.workingDaysBetween(at("2026-03-09T06:00:00"), at("2026-03-09T12:00:00")), 1e-12);
    }

    @Test
    void aMakeUpSaturdayAddsWorkingTimeAndTheHolidayDoesNot() {
        // Fri Feb 13 12:00 → Tue Feb 24 12:00: half of Fri + Sat 14 + half of Tue 24 = 2 working days.
        assertEquals(2.0, calendar.workingDaysBetween(at("2026-02-13T12:00:00"), at("2026-02-24T12:00:00")), 1e-12);
    }

    @Test
    void only2026HasACalendarAnd2027FallsBackToMondayToFriday() {
        assertTrue(calendar.hasCalendar(2026));
        assertFalse(calendar.hasCalendar(2027));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2027, 1, 1)), "Friday of an unloaded year counts");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2027, 1, 2)), "Saturday");
    }

    @Test
    void aClockTurnsAmberAtExactlyEightyPercentAndRedPastTheDeadline() {
        Instant start = at("2026-03-02T00:00:00");      // Monday
        Instant deadline = at("2026-03-07T00:00:00");   // end of Friday: 5 working days allowed
        BigDecimal ratio = new BigDecimal("0.800");
        Instant fourDays = at("2026-03-06T00:00:00");   // exactly 4 of 5 = 80 %
        assertEquals(SlaColour.GREEN, traffic.colour(start, deadline, fourDays.minusMillis(1), ratio));
        assertEquals(SlaColour.AMBER, traffic.colour(start, deadline, fourDays, ratio));
        assertEquals(SlaColour.AMBER, traffic.colour(start, deadline, deadline, ratio));
        assertEquals(SlaColour.RED, traffic.colour(start, deadline, deadline.plusMillis(1), ratio));
    }

    @Test
    void weekendTimeDoesNotMoveAClockTowardsAmber() {
        Instant start = at("2026-03-05T00:00:00");                 // Thursday
        Instant deadline = calendar.addWorkingDays(start, 4);     // end of Wed Mar 11; 5 working days allowed
        assertEquals(at("2026-03-11T23:59:59.999"), deadline);
        // Sunday night: only Thu + Fri used = 2 of 5 working days.
        assertEquals(SlaColour.GREEN, traffic.colour(start, deadline, at("2026-03-08T23:00:00"), new BigDecimal("0.8")));
        // Wednesday 00:00: Thu, Fri, Mon, Tue = 4 of (5 − 1 ms) ≥ 80 %.
        assertEquals(SlaColour.AMBER, traffic.colour(start, deadline, at("2026-03-11T00:00:00"), new BigDecimal("0.8")));
    }
}
