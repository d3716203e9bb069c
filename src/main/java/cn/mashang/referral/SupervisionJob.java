package cn.mashang.referral;

import cn.mashang.common.DuePages;
import cn.mashang.common.JobLock;
import cn.mashang.common.Times;
import cn.mashang.concern.Concern;
import cn.mashang.concern.Deadlines;
import cn.mashang.concern.Overdue;
import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.sla.SlaSegment;
import cn.mashang.calendar.WorkingCalendar;
import cn.mashang.concern.ConcernRepository;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Automatic supervision of the referrals departments hold: a missed sign-for or answer deadline (as
 * {@link Overdue} defines it: segments SIGN and DEPARTMENT) gets a 催办 to the department from the
 * {@code urge-after-days}-th working day after the deadline's day, and a 通报 to the committee from the
 * {@code report-after-days}-th (defaults 1 and 5). Each step happens once per referral, clock and deadline
 * (referral_notice's unique key), so a repeated run, a second replica after a lease expiry, or two lease holders in
 * sequence add nothing; a new deadline (extension, urge) starts new steps. One lease per run ({@link JobLock}).
 * A run reads only the open referrals due for a look (referral.supervise_at ≤ now, an index range, V112): each
 * referral read gets its next look, the moment its next step can fall due. A change of the urge/report days in the
 * configuration applies to a referral from its next look on.
 */
@Singleton
public class SupervisionJob {
    static final String JOB = "referral-supervision";
    /** A guard: a run stops after this many referrals (the rest is due at the next run). */
    static final int MAX_PER_RUN = 1_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(SupervisionJob.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final List<SlaSegment> SEGMENTS = List.of(SlaSegment.SIGN, SlaSegment.DEPARTMENT);

    /** What one run did. */
    public record Result(boolean ran, int examined, int steps) {
    }

    private final ReferralRepository referrals;
    private final ConcernRepository concerns;
    private final JobLock lock;
    private final SupervisionWriter writer;
    private final SupervisionConfig config;
    private final Deadlines deadlines;
    private final WorkingCalendar calendar;
    private final DepartmentRepository departments;
    private final Clock clock;

    SupervisionJob(ReferralRepository referrals, ConcernRepository concerns, JobLock lock, SupervisionWriter writer, SupervisionConfig config,
                   Deadlines deadlines, WorkingCalendar calendar, DepartmentRepository departments, Clock clock) {
        this.referrals = referrals;
        this.concerns = concerns;
        this.lock = lock;
        this.writer = writer;
        this.config = config;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.departments = departments;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${referral.supervision.interval:10m}", initialDelay = "${referral.supervision.initial-delay:2m}")
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        try {
            Result r = runOnce(clock.instant());
            if (r.steps() > 0) {
                LOG.info("referral supervision: {} referrals looked at, {} steps", r.examined(), r.steps());
            }
        } catch (RuntimeException e) {
            LOG.warn("referral supervision failed: {}", e.toString());
        }
    }

    /** One run at {@code now}; does nothing (ran = false) while another holder has the lease. */
    public Result runOnce(Instant now) {
        return DuePages.walkLeased(lock, JOB, now, config.lease(), config.pageSize(), MAX_PER_RUN,
                        referrals::dueForSupervision, (r, next) -> supervise(r, now, next), writer::looks)
                .map(w -> new Result(true, w.examined(), w.done())).orElse(new Result(false, 0, 0));
    }

    /** Writes the steps due at {@code now}; puts the referral's next look (after now) into {@code next}. */
    private int supervise(Referral r, Instant now, Map<Long, Instant> next) {
        Instant look = SupervisionWriter.NEVER;
        int n = 0;
        Concern c = concerns.findById(r.concernId()).orElse(null);
        Overdue.Due due = c == null ? null : deadlines.due(c);
        for (SlaSegment segment : c == null ? List.<SlaSegment>of() : SEGMENTS) {
            Instant deadline = segment == SlaSegment.SIGN ? c.signDue() : c.departmentDeadline();
            if (deadline == null || !Overdue.segment(segment, due, Instant.MAX)) {
                continue; // the clock does not run (signed for, or no longer at the department): it never falls due
            }
            for (SupervisionStep step : SupervisionStep.values()) {
                Instant at = stepAt(deadline, step == SupervisionStep.URGE ? config.urgeAfterDays() : config.reportAfterDays());
                if (now.isBefore(at)) {
                    look = at.isBefore(look) ? at : look;
                } else if (Overdue.segment(segment, due, now)) {
                    n += writer.step(r, c, segment, step, deadline, now, text(step, segment, r, deadline)) ? 1 : 0;
                }
            }
        }
        next.put(r.id(), look);
        return n;
    }

    private String text(SupervisionStep step, SlaSegment segment, Referral r, Instant deadline) {
        String dept = departments.findById(r.departmentId()).map(Department::name).orElse("承办部门");
        int days = step == SupervisionStep.URGE ? config.urgeAfterDays() : config.reportAfterDays();
        return step.text(segment, dept, DAY.format(deadline.atZone(Times.ZONE)), days);
    }

    /** The start of the {@code days}-th working day after the deadline's day (Asia/Shanghai). */
    Instant stepAt(Instant deadline, int days) {
        LocalDate d = deadline.atZone(Times.ZONE).toLocalDate();
        int counted = 0;
        while (counted < Math.max(1, days)) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) {
                counted++;
            }
        }
        return d.atStartOfDay(Times.ZONE).toInstant();
    }
}
