package cn.mashang.concern.lifecycle;

import cn.mashang.concern.Concern;
import cn.mashang.concern.Deadlines;
import cn.mashang.common.JobLock;
import cn.mashang.common.Times;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Closes resolved concerns nobody rated before their stored feedback deadline ({@link Deadlines}: the SLA rule's
 * feedback days, working days after resolved_at).
 * Runs hourly on one replica ({@link JobLock} "concern-auto-close"); each concern is closed by a guarded update
 * in its own transaction, so a run can be repeated or interrupted without harm.
 */
@Singleton
public class AutoCloseJob {
    static final String LOCK = "concern-auto-close";
    private static final Logger LOG = LoggerFactory.getLogger(AutoCloseJob.class);
    private final LifecycleRepository rows;
    private final ConcernClosing closing;
    private final JobLock lock;

    AutoCloseJob(LifecycleRepository rows, ConcernClosing closing, JobLock lock) {
        this.rows = rows;
        this.closing = closing;
        this.lock = lock;
    }

    @Scheduled(fixedDelay = "${lifecycle.auto-close-interval:1h}", initialDelay = "${lifecycle.auto-close-initial-delay:10m}")
    void scheduled() {
        Instant now = Times.now();
        lock.claim(LOCK, now, Duration.ofMinutes(30)).ifPresent(lease -> {
            try (lease) {
                run(now);
            }
        });
    }

    /** Closes every due concern as of {@code now}; answers how many were closed. */
    public int run(Instant now) {
        int closed = 0;
        long after = 0;
        for (var batch = rows.feedbackDue(now, after); !batch.isEmpty(); batch = rows.feedbackDue(now, after)) {
            for (Concern c : batch) {
                after = c.id();
                try {
                    if (closing.autoCloseIfDue(c, now)) {
                        closed++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("auto-close of concern {} failed: {}", c.id(), e.toString());
                }
            }
        }
        if (closed > 0) {
            LOG.info("Auto-closed {} concerns without a rating", closed);
        }
        return closed;
    }
}
