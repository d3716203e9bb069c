package cn.mashang.common;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * The one paging loop of the scheduled jobs that walk a table (the SLA overdue job, the referral supervision job):
 * keyset pages in id order, each after the last id of the one before, until a page comes back short.
 */
public final class IdPages {
    private IdPages() {
    }

    /** The rows after {@code afterId} in id order, at most {@code size}. */
    @FunctionalInterface
    public interface Reader<T> {
        List<T> page(long afterId, int size);
    }

    /** Rows seen, and the sum of what {@code each} answered for them (steps, escalations, …). */
    public record Walk(int examined, int done) {
    }

    /**
     * {@link #walk} under the job's lease ({@link JobLock#claim}), closed when done; empty when another holder has
     * the lease (that run does nothing).
     */
    public static <T> Optional<Walk> walkLeased(JobLock lock, String job, Instant now, Duration lease, int size,
                                                Reader<T> reader, ToLongFunction<T> id, ToIntFunction<T> each) {
        var claimed = lock.claim(job, now, lease);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        try (var held = claimed.get()) {
            return Optional.of(walk(size, reader, id, each));
        }
    }

    public static <T> Walk walk(int size, Reader<T> reader, ToLongFunction<T> id, ToIntFunction<T> each) {
        int examined = 0;
        int done = 0;
        long after = 0;
        List<T> page;
        do {
            page = reader.page(after, size);
            for (T row : page) {
                examined++;
                done += each.applyAsInt(row);
                after = id.applyAsLong(row);
            }
        } while (page.size() == size);
        return new Walk(examined, done);
    }
}
