package cn.mashang.cluster;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The one place where write conflicts are retried (see {@link RetryOnConflict}): up to {@code attempts} runs in
 * all, sleeping a random time in [0, base·2^(n−1)] (full jitter) before run n+1; the last conflict is rethrown
 * (and answers 503 with Retry-After through {@code common.DatabaseUnavailable}, like any transient failure).
 * Counts retries and give-ups for /prometheus-free inspection (tests, drills: {@link #retries()}).
 */
@Singleton
public class ConflictRetry {
    private static final Logger LOG = LoggerFactory.getLogger(ConflictRetry.class);
    /** MariaDB/MySQL deadlock, and Galera's certification failure at COMMIT (SQLState 40001). */
    static final int MYSQL_DEADLOCK = 1213;
    /** MySQL Group Replication (InnoDB Cluster, multi-primary): certification failed at COMMIT (SQLState 40000). */
    static final int GROUP_REPLICATION_ROLLBACK = 3101;
    /** TiDB optimistic transaction: "Write conflict, txnStartTS=…" at COMMIT (SQLState HY000). */
    static final int TIDB_WRITE_CONFLICT = 9007;
    private final int attempts;
    private final long baseMillis;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong exhausted = new AtomicLong();

    public ConflictRetry(@Value("${cluster.conflict-retry.attempts:5}") int attempts,
                         @Value("${cluster.conflict-retry.base-millis:10}") long baseMillis) {
        this.attempts = Math.max(1, attempts);
        this.baseMillis = Math.max(0, baseMillis);
    }

    /**
     * True when the cause chain holds a write conflict that a re-run of the whole transaction resolves: a deadlock or
     * Galera certification failure (1213 / SQLState 40001), a Group Replication certification failure (3101) or a
     * TiDB write conflict (9007).
     */
    public static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && (conflictCode(s.getErrorCode()) || "40001".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean conflictCode(int code) {
        return code == MYSQL_DEADLOCK || code == GROUP_REPLICATION_ROLLBACK || code == TIDB_WRITE_CONFLICT;
    }

    public <T> T run(String what, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                if (attempt >= attempts) {
                    exhausted.incrementAndGet();
                    LOG.warn("{}: write conflict on attempt {}, giving up", what, attempt);
                    throw e;
                }
                retries.incrementAndGet();
                long cap = baseMillis << Math.min(attempt - 1, 10);
                long sleep = cap == 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
                LOG.info("{}: write conflict on attempt {}, retrying in {} ms", what, attempt, sleep);
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public long retries() {
        return retries.get();
    }

    public long exhausted() {
        return exhausted.get();
    }

    public int attempts() {
        return attempts;
    }
}
