package cn.mashang.sla;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the clocks of a concern ({@link SlaSegment}) from its facts, the SLA rule of its region and category
 * ({@link SlaRules#resolve}) and the working-day calendar. Colours follow {@link Traffic}: amber at the rule's
 * amber ratio (80%) of the allowed working time, red after the deadline. A REJECTED concern has no clocks.
 */
@Singleton
public class SlaClocks {
    private final SlaRules rules;
    private final WorkingCalendar calendar;
    private final Traffic traffic;

    SlaClocks(SlaRules rules, WorkingCalendar calendar, Traffic traffic) {
        this.rules = rules;
        this.calendar = calendar;
        this.traffic = traffic;
    }

    public SlaRule rule(String regionPath, String category) {
        return rules.resolve(regionPath, category);
    }

    /** created_at + resolutionDays working days (the resident's clock; never reset by a reopen). */
    public Instant resolutionDeadline(String regionPath, String category, Instant createdAt) {
        return calendar.addWorkingDays(createdAt, rule(regionPath, category).resolutionDays());
    }

    public Instant firstResponseDeadline(String regionPath, String category, Instant createdAt) {
        return calendar.addWorkingDays(createdAt, rule(regionPath, category).firstResponseDays());
    }

    /** The clocks that apply to the concern now (running or stopped), in segment order. */
    public List<SlaClock> clocks(ClockFacts f, Instant now) {
        List<SlaClock> out = new ArrayList<>();
        if ("REJECTED".equals(f.state())) {
            return out;
        }
        SlaRule rule = rule(f.regionPath(), f.category());
        out.add(clock(SlaSegment.FIRST_RESPONSE, f.createdAt(),
                calendar.addWorkingDays(f.createdAt(), rule.firstResponseDays()), f.firstResponseAt(), now, rule));
        if (f.departmentDeadline() != null && f.referredAt() != null) {
            Instant answered = f.departmentAnsweredAt() != null && !f.departmentAnsweredAt().isBefore(f.referredAt())
                    ? f.departmentAnsweredAt() : null;
            if (answered == null && !("REFERRED".equals(f.state()) || "EXTENDED".equals(f.state()))) {
                answered = f.resolvedAt(); // handled without a recorded department answer
            }
            out.add(clock(SlaSegment.DEPARTMENT, f.referredAt(), f.departmentDeadline(), answered, now, rule));
        }
        Instant resolvedStop = ClockFacts.finished(f.state())
                ? (f.resolvedAt() != null ? f.resolvedAt() : f.closedAt()) : null;
        out.add(clock(SlaSegment.RESOLUTION, f.createdAt(),
                calendar.addWorkingDays(f.createdAt(), rule.resolutionDays()), resolvedStop, now, rule));
        if (f.resolvedAt() != null && ClockFacts.finished(f.state())) {
            Instant rated = f.ratedAt() != null && !f.ratedAt().isBefore(f.resolvedAt()) ? f.ratedAt()
                    : ("CLOSED".equals(f.state()) ? f.closedAt() : null);
            out.add(clock(SlaSegment.FEEDBACK, f.resolvedAt(),
                    calendar.addWorkingDays(f.resolvedAt(), rule.feedbackDays()), rated, now, rule));
        }
        return out;
    }

    SlaClock clock(SlaSegment segment, Instant start, Instant deadline, Instant stoppedAt, Instant now, SlaRule rule) {
        double allowed = calendar.workingDaysBetween(start, deadline);
        if (stoppedAt != null) {
            boolean onTime = !stoppedAt.isAfter(deadline);
            return new SlaClock(segment, start, deadline, stoppedAt, calendar.workingDaysBetween(start, stoppedAt),
                    allowed, onTime ? SlaColour.GREEN : SlaColour.RED, onTime);
        }
        return new SlaClock(segment, start, deadline, null, calendar.workingDaysBetween(start, now), allowed,
                traffic.colour(start, deadline, now, rule.amberRatio()), null);
    }
}
