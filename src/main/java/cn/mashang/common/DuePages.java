package cn.mashang.common;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one walk of the scheduled jobs that read only the rows due for a look (the SLA overdue job over
 * concern.sla_check_at, the referral supervision job over referral.supervise_at): under the job's lease, a page of
 * the rows due at {@code now}, each looked at, the page's next looks recorded (every one after {@code now}, so the
 * next page starts at the rows still due), until a page comes back short or {@code max} rows were read.
 */
public final class DuePages {
    private DuePages() {
    }

    /** At most {@code size} rows due for a look at {@code now}, in the order of their next look. */
    @FunctionalInterface
    public interface Reader<T> {
        List<T> due(Instant now, int size);
    }

    /** Looks at one row: answers what it did (steps, escalations) and puts the row's next look (after now) into next. */
    @FunctionalInterface
    public interface Look<T> {
        int look(T row, Map<Long, Instant> next);
    }

    /** Rows read, and the sum of what {@link Look} answered for them. */
    public record Walk(int examined, int done) {
    }

    /** The walk; empty when another holder has the lease (that run does nothing). */
    public static <T> Optional<Walk> walkLeased(JobLock lock, String job, Instant now, Duration lease, int size, int max,
                                                Reader<T> reader, Look<T> each, Consumer<Map<Long, Instant>> record) {
        var claimed = lock.claim(job, now, lease);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        try (var held = claimed.get()) {
            int examined = 0;
            int done = 0;
            List<T> page;
            do {
                page = reader.due(now, size);
                Map<Long, Instant> next = new HashMap<>();
                for (T row : page) {
                    examined++;
                    done += each.look(row, next);
                }
                record.accept(next);
            } while (page.size() == size && examined < max);
            return Optional.of(new Walk(examined, done));
        }
    }
}
