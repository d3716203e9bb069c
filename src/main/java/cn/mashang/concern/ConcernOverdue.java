package cn.mashang.concern;

import cn.mashang.region.RegionRepository;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import cn.mashang.sla.SlaRules;
import cn.mashang.sla.WorkingCalendar;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
    /** Region paths for the SLA rule of each queue item (a queue page was a region read per item; paths rarely move). */
    private final Cache<Long, Optional<String>> paths = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5)).build();

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
                    rules.resolve(regionPath(c.regionId()), c.category())
                            .firstResponseDays()));
            default -> false;
        };
    }

    private String regionPath(Long regionId) {
        return regionId == null ? null
                : paths.get(regionId, id -> regions.findById(id).map(r -> r.path())).orElse(null);
    }
}
