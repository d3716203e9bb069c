package cn.mashang.concern;

import cn.mashang.region.RegionRepository;
import cn.mashang.sla.SlaRule;
import cn.mashang.sla.SlaRules;
import cn.mashang.calendar.WorkingCalendar;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one place that computes a concern's deadlines, in working days ({@link WorkingCalendar}) from the SLA rule of
 * its region and category ({@link SlaRules#resolve}); they are stored on the concern (V11) whenever they change:
 * <ul>
 *   <li>first response: created_at + firstResponseDays (set at intake);</li>
 *   <li>department: the referral's day + departmentDays, or the day staff chose (set by refer, moved by an approved
 *       extension; column department_deadline);</li>
 *   <li>sign-for: the referral's day + {@code referral.sign-days} working days (default 1; set by refer, column
 *       sign_due; the department's sign stops it);</li>
 *   <li>resolution: created_at + resolutionDays (set at intake; never reset by a reopening);</li>
 *   <li>feedback: resolved_at + feedbackDays (set when resolved, cleared when reopened; then auto-close).</li>
 * </ul>
 * A change of SLA rule or calendar recomputes the stored values of unfinished concerns ({@link DeadlineRefresh}).
 * What "overdue" means against these deadlines is {@link Overdue}.
 */
@Singleton
public class Deadlines {
    private final SlaRules rules;
    private final WorkingCalendar calendar;
    private final RegionRepository regions;
    /** Region paths by id (a queue page was a region read per item; paths rarely move). */
    private final Cache<Long, Optional<String>> paths = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5)).build();

    private final int signDays;

    Deadlines(SlaRules rules, WorkingCalendar calendar, RegionRepository regions,
              @Value("${referral.sign-days:1}") int signDays) {
        this.signDays = signDays;
        this.rules = rules;
        this.calendar = calendar;
        this.regions = regions;
    }

    /** The intake deadlines of a new concern. */
    public record AtIntake(Instant firstResponse, Instant resolution) {
    }

    public SlaRule rule(@Nullable Long regionId, String category) {
        return rules.resolve(regionPath(regionId), category);
    }

    public AtIntake atIntake(Long regionId, String category, Instant createdAt) {
        SlaRule r = rule(regionId, category);
        return new AtIntake(calendar.addWorkingDays(createdAt, r.firstResponseDays()),
                calendar.addWorkingDays(createdAt, r.resolutionDays()));
    }

    /** The default department deadline of a referral made at {@code now}. */
    public Instant department(Concern c, Instant now) {
        return calendar.addWorkingDays(now, rule(c.regionId(), c.category()).departmentDays());
    }

    /** The sign-for (签收) deadline of a referral made at {@code now}: {@code referral.sign-days} working days. */
    public Instant sign(Instant now) {
        return calendar.addWorkingDays(now, signDays);
    }

    /** The stored first-response deadline, or (rows written before V11) the same computation. */
    public Instant firstResponse(Concern c) {
        return c.firstResponseDue() != null ? c.firstResponseDue() : atIntake(c.regionId(), c.category(), c.createdAt()).firstResponse();
    }

    public Instant resolution(Concern c) {
        return c.resolutionDue() != null ? c.resolutionDue() : atIntake(c.regionId(), c.category(), c.createdAt()).resolution();
    }

    /** The feedback deadline for a concern resolved at {@code resolvedAt} (null while not resolved). */
    public @Nullable Instant feedback(Concern c, @Nullable Instant resolvedAt) {
        if (resolvedAt == null) {
            return null;
        }
        if (resolvedAt.equals(c.resolvedAt()) && c.feedbackDue() != null) {
            return c.feedbackDue();
        }
        return calendar.addWorkingDays(resolvedAt, rule(c.regionId(), c.category()).feedbackDays());
    }

    /** The deadlines as the overdue rules read them. */
    public Overdue.Due due(Concern c) {
        return new Overdue.Due(c.state(), c.firstResponseAt(), firstResponse(c), c.departmentDeadline(), resolution(c),
                c.signDue(), c.signedAt());
    }

    public @Nullable String regionPath(@Nullable Long regionId) {
        return regionId == null ? null : paths.get(regionId, id -> regions.findById(id).map(r -> r.path())).orElse(null);
    }
}
