package cn.mashang.sla;

import cn.mashang.calendar.TestCalendar;
import cn.mashang.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clocks of a concern under the default rule (first response 3, resolution 15 working days, amber 80%). */
class SlaClocksTest {
    /** The city default rule (3 / 10 / 15 / 7 working days, amber at 80%) on the 2026 calendar, no database. */
    static SlaClocks defaults() {
        SlaRule city = new SlaRule(1L, null, null, "*|*", 3, 10, 15, 7, new java.math.BigDecimal("0.800"),
                Instant.EPOCH, Instant.EPOCH);
        SlaRules rules = new SlaRules(null, null, null) {
            @Override
            public List<Scoped> scoped() {
                return List.of(new Scoped(city, "/", 0));
            }
        };
        WorkingCalendar calendar = TestCalendar.of2026();
        return new SlaClocks(rules, calendar, new Traffic(calendar));
    }

    final SlaClocks clocks = defaults();

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    static ClockFacts submitted(String created) {
        return new ClockFacts(1, "/1/", "基础设施", "SUBMITTED", at(created), null, null, null, null, null, null, null);
    }

    SlaClock first(ClockFacts f, String now) {
        return clocks.clocks(f, at(now)).get(0);
    }

    @Test
    void firstResponseTurnsAmberAtEightyPercentOfTheAllowedWorkingTimeAndRedAfterTheDeadline() {
        // Wed Jun 10 09:00 + 3 working days → end of Mon Jun 15; allowed 87 h, amber at 69.6 h = Mon 06:36
        ClockFacts f = submitted("2026-06-10T09:00:00");
        assertEquals(at("2026-06-15T23:59:59.999"), first(f, "2026-06-11T09:00:00").deadline());
        assertEquals(SlaColour.GREEN, first(f, "2026-06-15T06:35:59").colour());
        assertEquals(SlaColour.AMBER, first(f, "2026-06-15T06:36:00").colour());
        assertEquals(SlaColour.AMBER, first(f, "2026-06-15T23:59:59.999").colour());
        assertEquals(SlaColour.RED, first(f, "2026-06-16T00:00:00").colour());
    }

    @Test
    void weekendsAndHolidaysDoNotCountOnTheClock() {
        // Wed Sep 30 + 3 working days: Oct 1–7 国庆, then Thu Oct 8, Fri Oct 9 and the make-up Saturday Oct 10
        ClockFacts f = submitted("2026-09-30T09:00:00");
        SlaClock c = first(f, "2026-10-07T20:00:00");
        assertEquals(at("2026-10-10T23:59:59.999"), c.deadline());
        assertEquals(0.625, c.usedDays(), 1e-9); // 15 h on Sep 30 only
        assertEquals(SlaColour.GREEN, c.colour());
    }

    @Test
    void aReopenedConcernKeepsItsResolutionDeadlineFromCreation() {
        ClockFacts reopened = new ClockFacts(1, "/1/", "基础设施", "ACCEPTED", at("2026-05-13T09:00:00"),
                at("2026-05-13T15:00:00"), null, null, null, at("2026-05-14T09:00:00"), at("2026-05-20T09:00:00"), null);
        List<SlaClock> all = clocks.clocks(reopened, at("2026-06-15T10:00:00"));
        SlaClock resolution = all.stream().filter(c -> c.segment() == SlaSegment.RESOLUTION).findFirst().orElseThrow();
        assertTrue(resolution.running());
        assertEquals(at("2026-06-03T23:59:59.999"), resolution.deadline());
        assertEquals(SlaColour.RED, resolution.colour());
        SlaClock response = all.get(0);
        assertEquals(Boolean.TRUE, response.onTime());
        assertEquals(0.25, response.usedDays(), 1e-9);
    }

    @Test
    void aResolvedConcernStopsTheResolutionClockAndStartsTheFeedbackClock() {
        ClockFacts resolved = new ClockFacts(1, "/1/", "基础设施", "RESOLVED", at("2026-05-12T09:00:00"),
                at("2026-05-15T09:00:00"), null, null, null, at("2026-06-05T09:00:00"), null, null);
        List<SlaClock> all = clocks.clocks(resolved, at("2026-06-08T09:00:00"));
        SlaClock resolution = all.get(1);
        assertEquals(SlaSegment.RESOLUTION, resolution.segment());
        assertEquals(Boolean.FALSE, resolution.onTime());
        assertEquals(18.0, resolution.usedDays(), 1e-9);
        SlaClock feedback = all.get(2);
        assertEquals(SlaSegment.FEEDBACK, feedback.segment());
        assertNull(feedback.onTime());
        assertEquals(at("2026-06-16T23:59:59.999"), feedback.deadline());
    }

    @Test
    void aDepartmentClockRunsFromTheReferralToItsDeadline() {
        ClockFacts referred = new ClockFacts(1, "/1/", "基础设施", "REFERRED", at("2026-06-01T09:00:00"),
                at("2026-06-01T10:00:00"), at("2026-06-02T09:00:00"), at("2026-06-05T23:59:59.999"), null, null, null, null);
        SlaClock dept = clocks.clocks(referred, at("2026-06-05T12:00:00")).get(1);
        assertEquals(SlaSegment.DEPARTMENT, dept.segment());
        assertEquals(SlaColour.AMBER, dept.colour());
        assertEquals(SlaColour.RED, clocks.clocks(referred, at("2026-06-06T00:00:00")).get(1).colour());
    }
}
