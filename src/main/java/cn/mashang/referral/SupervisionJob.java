package cn.mashang.referral;

import cn.mashang.common.IdPages;

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
import io.micronaut.data.model.Pageable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Automatic supervision of the referrals departments hold: a missed sign-for or answer deadline (as
 * {@link Overdue} defines it: segments SIGN and DEPARTMENT) gets a 催办 to the department from the
 * {@code urge-after-days}-th working day after the deadline's day, and a 通报 to the committee from the
 * {@code report-after-days}-th (defaults 1 and 5). Each step happens once per referral, clock and deadline
 * (referral_notice's unique key), so a repeated run, a second replica after a lease expiry, or two lease holders in
 * sequence add nothing; a new deadline (extension, urge) starts new steps. One lease per run ({@link JobLock}).
 */
@Singleton
public class SupervisionJob {
    static final String JOB = "referral-supervision";
    private static final Logger LOG = LoggerFactory.getLogger(SupervisionJob.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

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
                LOG.info("referral supervision: {} open referrals, {} steps", r.examined(), r.steps());
            }
        } catch (RuntimeException e) {
            LOG.warn("referral supervision failed: {}", e.toString());
        }
    }

    /** One run at {@code now}; does nothing (ran = false) while another holder has the lease. */
    public Result runOnce(Instant now) {
        return IdPages.walkLeased(lock, JOB, now, config.lease(), config.pageSize(), this::openAfter, Referral::id,
                        r -> supervise(r, now))
                .map(w -> new Result(true, w.examined(), w.done())).orElse(new Result(false, 0, 0));
    }

    private List<Referral> openAfter(long afterId, int size) {
        return referrals.findByStatusAndIdGreaterThanOrderById(Referral.Status.OPEN, afterId, Pageable.from(0, size));
    }

    private int supervise(Referral r, Instant now) {
        Concern c = concerns.findById(r.concernId()).orElse(null);
        if (c == null) {
            return 0;
        }
        Overdue.Due due = deadlines.due(c);
        List<Object[]> missed = new ArrayList<>();
        if (Overdue.sign(due, now)) {
            missed.add(new Object[]{SlaSegment.SIGN, c.signDue()});
        }
        if (Overdue.department(due, now)) {
            missed.add(new Object[]{SlaSegment.DEPARTMENT, c.departmentDeadline()});
        }
        int n = 0;
        for (Object[] m : missed) {
            SlaSegment segment = (SlaSegment) m[0];
            Instant deadline = (Instant) m[1];
            String dept = departments.findById(r.departmentId()).map(Department::name).orElse("承办部门");
            String day = DAY.format(deadline.atZone(Times.ZONE));
            if (!now.isBefore(stepAt(deadline, config.urgeAfterDays()))) {
                n += writer.step(r, c, segment, SupervisionStep.URGE, deadline, now,
                        SupervisionStep.URGE.text(segment, dept, day, config.urgeAfterDays())) ? 1 : 0;
            }
            if (!now.isBefore(stepAt(deadline, config.reportAfterDays()))) {
                n += writer.step(r, c, segment, SupervisionStep.REPORT, deadline, now,
                        SupervisionStep.REPORT.text(segment, dept, day, config.reportAfterDays())) ? 1 : 0;
            }
        }
        return n;
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
