package cn.mashang.concern.search;

import cn.mashang.common.JobLock;
import cn.mashang.common.Times;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Indexes concerns that have no terms yet — rows older than V80, bulk-loaded rows (the bench city) — walking by id
 * in pages of {@value #PAGE}, set-based: one read finds a page of concerns without any term row (an anti-join on the
 * primary key of concern_term), {@link SearchIndex#indexAll} reads their texts and replies in two statements and
 * writes their terms in multi-row INSERTs; one short transaction a page; one replica at a time ({@link JobLock}).
 * Every concern has at least one term (its category), so "no row in concern_term" is "not indexed". Runs after
 * start-up and twice a day; new writes never wait for it ({@link SearchIndex} indexes them in their own transaction).
 */
@Singleton
public class SearchBackfill {
    static final String JOB = "search-backfill";
    private static final int PAGE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(SearchBackfill.class);
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final SearchIndex index;
    private final JobLock lock;

    SearchBackfill(JdbcOperations jdbc, TransactionOperations<Connection> tx, SearchIndex index, JobLock lock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.index = index;
        this.lock = lock;
    }

    @Scheduled(initialDelay = "${search.backfill-delay:20s}", fixedDelay = "12h")
    void scheduled() {
        run();
    }

    /** Indexes every concern without terms; answers how many, or −1 when another replica holds the job. */
    public int run() {
        var claimed = lock.claim(JOB, Times.now(), Duration.ofHours(2));
        if (claimed.isEmpty()) {
            return -1;
        }
        try (var lease = claimed.get()) {
            int done = 0;
            long rows = 0;
            long after = 0;
            long t0 = System.nanoTime();
            while (true) {
                long from = after;
                List<Long> ids = new ArrayList<>();
                int offered = tx.executeWrite(s -> {
                    jdbc.prepareStatement("SELECT c.id FROM concern c WHERE c.id > ? AND NOT EXISTS (SELECT 1 FROM concern_term t"
                            + " WHERE t.concern_id = c.id) ORDER BY c.id LIMIT " + PAGE, ps -> {
                        ps.setLong(1, from);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                ids.add(rs.getLong(1));
                            }
                        }
                        return null;
                    });
                    return index.indexAll(ids);
                });
                if (ids.isEmpty()) {
                    break;
                }
                done += ids.size();
                rows += offered;
                after = ids.get(ids.size() - 1);
                if (done % 50_000 < PAGE) {
                    LOG.info("search index: {} concerns, {} term rows so far ({} s)", done, rows, (System.nanoTime() - t0) / 1_000_000_000);
                }
            }
            if (done > 0) {
                LOG.info("search index: {} concerns indexed ({} term rows) in {} ms", done, rows, (System.nanoTime() - t0) / 1_000_000);
            }
            return done;
        }
    }
}
