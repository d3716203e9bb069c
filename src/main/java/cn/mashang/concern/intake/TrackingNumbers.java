package cn.mashang.concern.intake;

import cn.mashang.AppConfig;
import cn.mashang.common.Times;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Human tracking numbers {@code LL-20261122-000123}: a per-day counter row (day in Asia/Shanghai). Each replica
 * reserves a block of {@code intake.tracking-number-block} numbers (default 20) with one atomic UPDATE in a short
 * transaction of its own and hands them out from memory, so replicas never hand out the same number and the hot
 * row is locked once per block, not once per submission (measured: one UPDATE per submission serialised every
 * submission on that row's commit; README "Benchmarks and scale-out"). Numbers are unique
 * and increasing per replica; across replicas they interleave. A number lost to a rolled-back submission, or the
 * rest of a block when a replica stops, is a gap.
 */
@Singleton
public class TrackingNumbers {
    private final Blocks blocks;
    private final String prefix;
    private final int blockSize;
    private final ReentrantLock lock = new ReentrantLock();
    private LocalDate day;
    private long next;
    private long last = -1;

    TrackingNumbers(Blocks blocks, AppConfig config, @Value("${intake.tracking-number-block:20}") int blockSize) {
        this.blocks = blocks;
        this.prefix = config.trackingPrefix();
        this.blockSize = Math.max(1, blockSize);
    }

    public String next(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, Times.ZONE);
        long n;
        lock.lock();
        try {
            if (!today.equals(day) || next > last) {
                last = blocks.reserve(today, blockSize);
                next = last - blockSize + 1;
                day = today;
            }
            n = next++;
        } finally {
            lock.unlock();
        }
        return prefix + "-" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%06d", n);
    }

    /** The counter row: reserves {@code size} numbers and answers the last one, in a transaction of its own. */
    @Singleton
    static class Blocks {
        private final JdbcOperations jdbc;

        Blocks(JdbcOperations jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
        long reserve(LocalDate day, int size) {
            int updated = jdbc.prepareStatement("UPDATE tracking_sequence SET seq_value = seq_value + ? WHERE seq_day = ?",
                    ps -> {
                        ps.setInt(1, size);
                        ps.setObject(2, day);
                        return ps.executeUpdate();
                    });
            if (updated == 0) {
                jdbc.prepareStatement("INSERT INTO tracking_sequence (seq_day, seq_value) VALUES (?, ?) "
                        + "ON DUPLICATE KEY UPDATE seq_value = seq_value + ?", ps -> {
                            ps.setObject(1, day);
                            ps.setInt(2, size);
                            ps.setInt(3, size);
                            return ps.executeUpdate();
                        });
            }
            return jdbc.prepareStatement("SELECT seq_value FROM tracking_sequence WHERE seq_day = ?", ps -> {
                ps.setObject(1, day);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
    }
}
