package cn.mashang.sla;

import cn.mashang.calendar.WorkingCalendar;
import cn.mashang.concern.ConcernState;
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

    /**
     * The clocks that apply to the concern now (running or stopped), in segment order. Deadlines are the stored ones
     * (computed here the same way for rows written before V11). Which running clock counts as overdue is
     * cn.mashang.concern.Overdue: a running clock is RED exactly when its segment is overdue there.
     */
    public List<SlaClock> clocks(ClockFacts f, Instant now) {
        List<SlaClock> out = new ArrayList<>();
        ConcernState state = ConcernState.valueOf(f.state());
        if (state == ConcernState.REJECTED) {
            return out;
        }
        SlaRule rule = rule(f.regionPath(), f.category());
        Instant firstDue = f.firstResponseDue() != null ? f.firstResponseDue()
                : calendar.addWorkingDays(f.createdAt(), rule.firstResponseDays());
        out.add(clock(SlaSegment.FIRST_RESPONSE, f.createdAt(), firstDue,
                f.firstResponseAt() != null ? f.firstResponseAt() : (state.isOpen() ? null : stop(f)), now, rule));
        if (state.atDepartment() && f.signDue() != null && f.referredAt() != null) {
            out.add(clock(SlaSegment.SIGN, f.referredAt(), f.signDue(), f.signedAt(), now, rule));
        }
        if (f.departmentDeadline() != null && f.referredAt() != null) {
            Instant answered = f.departmentAnsweredAt() != null && !f.departmentAnsweredAt().isBefore(f.referredAt())
                    ? f.departmentAnsweredAt() : null;
            if (answered == null && !state.atDepartment()) {
                answered = stop(f); // handled without a recorded department answer
            }
            if (answered != null || state.atDepartment()) {
                out.add(clock(SlaSegment.DEPARTMENT, f.referredAt(), f.departmentDeadline(), answered, now, rule));
            }
        }
        Instant resolutionDue = f.resolutionDue() != null ? f.resolutionDue()
                : calendar.addWorkingDays(f.createdAt(), rule.resolutionDays());
        out.add(clock(SlaSegment.RESOLUTION, f.createdAt(), resolutionDue, state.isDone() ? stop(f) : null, now, rule));
        if (f.resolvedAt() != null && state.isDone()) {
            Instant rated = f.ratedAt() != null && !f.ratedAt().isBefore(f.resolvedAt()) ? f.ratedAt()
                    : (state == ConcernState.CLOSED ? f.closedAt() : null);
            Instant feedbackDue = f.feedbackDue() != null ? f.feedbackDue()
                    : calendar.addWorkingDays(f.resolvedAt(), rule.feedbackDays());
            out.add(clock(SlaSegment.FEEDBACK, f.resolvedAt(), feedbackDue, rated, now, rule));
        }
        return out;
    }

    /** When handling stopped: resolved_at, else closed_at; null while open. */
    private static Instant stop(ClockFacts f) {
        return f.resolvedAt() != null ? f.resolvedAt() : f.closedAt();
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
