package cn.mashang.concern;

import cn.mashang.region.RegionRepository;
import cn.mashang.sla.SlaRules;
import cn.mashang.sla.WorkingCalendar;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * The queue's simple "overdue" test, kept in one place so the SLA feature's clocks can replace it: a referred
 * (or extended) concern past its department deadline, or a concern still waiting for its first response past
 * {@code created_at + firstResponseDays} working days ({@link WorkingCalendar#addWorkingDays}).
 */
@Singleton
class ConcernOverdue {
    /**
     * A necessary condition in SQL (two timestamp parameters: now, now − 1 day), so the queue only checks
     * candidates; a first-response deadline is never earlier than the end of the day of submission.
     */
    static final String CANDIDATES = "((state IN ('REFERRED','EXTENDED') AND department_deadline < ?)"
            + " OR (state = 'SUBMITTED' AND first_response_at IS NULL AND created_at < ?))";

    private final SlaRules rules;
    private final RegionRepository regions;
    private final WorkingCalendar calendar;

    ConcernOverdue(SlaRules rules, RegionRepository regions, WorkingCalendar calendar) {
        this.rules = rules;
        this.regions = regions;
        this.calendar = calendar;
    }

    static Instant candidateCutoff(Instant now) {
        return now.minus(Duration.ofDays(1));
    }

    boolean isOverdue(Concern c, Instant now) {
        return switch (c.state()) {
            case REFERRED, EXTENDED -> c.departmentDeadline() != null && now.isAfter(c.departmentDeadline());
            case SUBMITTED -> c.firstResponseAt() == null && now.isAfter(calendar.addWorkingDays(c.createdAt(),
                    rules.resolve(regions.findById(c.regionId()).map(r -> r.path()).orElse(null), c.category())
                            .firstResponseDays()));
            default -> false;
        };
    }
}
