package cn.mashang.sla;


import cn.mashang.calendar.WorkingCalendar;
import cn.mashang.common.DuePages;
import cn.mashang.common.JobLock;
import cn.mashang.common.Times;
import cn.mashang.notify.NotificationMessage;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The overdue job: finds amber and red clocks of open concerns and escalates (see {@link EscalationLevel}).
 * It reads only the concerns due for a look (concern.sla_check_at ≤ now, an index range; {@link SlaChecks}): a
 * pass when no clock changed colour since the last reads nothing; each concern read gets its next look.
 * With several replicas one runs it: each run first claims the {@code sla-overdue} lease ({@link JobLock});
 * the others skip. Idempotent: every step is recorded once in sla_escalation and queued once in the outbox,
 * so a run that repeats (another replica after a lease expiry, a retry) sends nothing twice. The FEEDBACK clock
 * (the resident's time to rate) is not escalated.
 */
@Singleton
public class OverdueJob {
    static final String JOB = "sla-overdue";
    /** A guard: a run stops after this many rows (the rest is due at the next run). */
    static final int MAX_PER_RUN = 2_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(OverdueJob.class);
    private static final DateTimeFormatter SHOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What one run did. */
    public record Result(boolean ran, int examined, int escalated) {
    }

    private final OpenConcerns open;
    private final SlaClocks clocks;
    private final WorkingCalendar calendar;
    private final EscalationWriter writer;
    private final JobLock lock;
    private final SlaConfig.Overdue config;
    private final SlaConfig.Notify routing;
    private final Clock clock;
    private final Traffic traffic;
    private final SlaChecks checks;

    OverdueJob(OpenConcerns open, SlaClocks clocks, WorkingCalendar calendar, EscalationWriter writer, JobLock lock,
               SlaConfig.Overdue config, SlaConfig.Notify routing, Clock clock, Traffic traffic, SlaChecks checks) {
        this.traffic = traffic;
        this.checks = checks;
        this.open = open;
        this.clocks = clocks;
        this.calendar = calendar;
        this.writer = writer;
        this.lock = lock;
        this.config = config;
        this.routing = routing;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${sla.overdue.interval:5m}", initialDelay = "${sla.overdue.initial-delay:1m}")
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        try {
            Result r = runOnce(clock.instant());
            if (r.escalated() > 0) {
                LOG.info("overdue job: {} open concerns, {} escalations", r.examined(), r.escalated());
            }
        } catch (RuntimeException e) {
            LOG.warn("overdue job failed: {}", e.toString());
        }
    }

    /** One run at {@code now}; does nothing (ran = false) when another replica holds the lease. */
    public Result runOnce(Instant now) {
        return DuePages.walkLeased(lock, JOB, now, config.lease(), config.pageSize(), MAX_PER_RUN, open::due,
                        (o, next) -> look(o, now, next), checks::next)
                .map(w -> new Result(true, w.examined(), w.done())).orElse(new Result(false, 0, 0));
    }

    /** Escalates the concern's amber and red clocks; puts its next look (after now) into {@code next}. */
    private int look(OpenConcerns.Open o, Instant now, Map<Long, Instant> next) {
        int escalated = 0;
        Instant look = SlaChecks.NEVER;
        SlaRule rule = null;
        for (SlaClock c : clocks.clocks(o.facts(), now)) {
            if (!c.running() || c.segment() == SlaSegment.FEEDBACK) {
                continue;
            }
            if (c.colour() != SlaColour.GREEN) {
                escalated += escalate(o, c, now);
            }
            if (c.colour() == SlaColour.RED) {
                Instant admin = calendar.addWorkingDays(c.deadline(), config.adminAfterDays());
                look = now.isAfter(admin) ? look : min(look, admin.plusMillis(1));
            } else {
                rule = rule != null ? rule : clocks.rule(o.facts().regionPath(), o.facts().category());
                look = min(look, traffic.nextChange(c.start(), c.deadline(), now, rule.amberRatio()));
            }
        }
        next.put(o.facts().concernId(), look);
        return escalated;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private int escalate(OpenConcerns.Open o, SlaClock c, Instant now) {
        String station = routing.stationTarget(o.stationId());
        if (c.colour() == SlaColour.AMBER) {
            return writer.escalate(o, c, EscalationLevel.DEPUTY_AMBER, now, routing, station,
                    message("即将超期", o, c, "请" + who(o) + "在期限前处理。")) ? 1 : 0;
        }
        int n = writer.escalate(o, c, EscalationLevel.HEAD_RED, now, routing, station,
                message("已超期", o, c, "请" + who(o) + "尽快处理，并请站长督办。")) ? 1 : 0;
        if (now.isAfter(calendar.addWorkingDays(c.deadline(), config.adminAfterDays()))) {
            n += writer.escalate(o, c, EscalationLevel.ADMIN_RED, now, routing, routing.regionTarget(o.facts().regionPath()),
                    message("超期未办（已上报）", o, c, "超过期限 " + config.adminAfterDays() + " 个工作日仍未办理，请人大常委会督办。")) ? 1 : 0;
        }
        return n;
    }

    private static String who(OpenConcerns.Open o) {
        return o.deputyName() == null ? "联络站（尚未分派代表）" : o.deputyName() + " 代表";
    }

    /** No resident content or contact data: tracking number, station, segment, deadline only. */
    private static NotificationMessage message(String what, OpenConcerns.Open o, SlaClock c, String ask) {
        String title = "【" + what + "】" + o.trackingNo() + " " + c.segment().label();
        String md = "**" + o.stationName() + "**\n"
                + "> 诉求编号：" + o.trackingNo() + "\n"
                + "> 环节：" + c.segment().label() + "（" + o.facts().category() + "）\n"
                + "> 期限：" + SHOW.format(c.deadline().atZone(Times.ZONE)) + "\n"
                + "> 已用：" + String.format("%.1f", c.usedDays()) + " / " + String.format("%.1f", c.allowedDays()) + " 个工作日\n"
                + (o.reopenCount() > 0 ? "> 群众不满意后重新办理 " + o.reopenCount() + " 次，计时不重置\n" : "")
                + ask;
        return new NotificationMessage(title, md);
    }
}
