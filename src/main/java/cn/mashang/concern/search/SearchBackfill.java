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
 * in pages of {@value #PAGE}, one short transaction a page; one replica at a time ({@link JobLock}). Every concern
 * has at least one term (its category), so "no row in concern_term" is "not indexed". Runs after start-up and
 * twice a day; new writes never wait for it ({@link SearchIndex} indexes them in their own transaction).
 */
@Singleton
public class SearchBackfill {
    static final String JOB = "search-backfill";
    private static final int PAGE = 500;
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
            long after = 0;
            while (true) {
                long from = after;
                List<Long> ids = new ArrayList<>();
                long last = tx.executeWrite(s -> {
                    long max = jdbc.prepareStatement("SELECT c.id, NOT EXISTS (SELECT 1 FROM concern_term t WHERE t.concern_id = c.id)"
                            + " FROM concern c WHERE c.id > ? ORDER BY c.id LIMIT " + PAGE, ps -> {
                        ps.setLong(1, from);
                        long m = -1;
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                m = rs.getLong(1);
                                if (rs.getBoolean(2)) {
                                    ids.add(m);
                                }
                            }
                        }
                        return m;
                    });
                    ids.forEach(index::index);
                    return max;
                });
                if (last < 0) {
                    break;
                }
                done += ids.size();
                after = last;
            }
            if (done > 0) {
                LOG.info("search index: {} concerns indexed", done);
            }
            return done;
        }
    }
}
