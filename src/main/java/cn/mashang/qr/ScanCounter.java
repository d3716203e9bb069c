package cn.mashang.qr;

import cn.mashang.common.Times;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts scans per code per day (Asia/Shanghai calendar day) without any personal data: no IP, no user agent,
 * no cookie. A scan only bumps an in-memory counter; every few seconds the replica adds its counts to
 * {@code code_scan_day} with one upsert per (code, day). A crash loses at most the last interval's counts.
 */
@Singleton
public class ScanCounter {
    private static final Logger LOG = LoggerFactory.getLogger(ScanCounter.class);
    private static final String UPSERT = "INSERT INTO code_scan_day (code_id, scan_day, scans, updated_at) VALUES (?, ?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE scans = scans + ?, updated_at = ?";

    record Key(long codeId, LocalDate day) {
    }

    /** Scans of one code: today, last 7 days (incl. today), all time; and per day. */
    public record Counts(long today, long last7Days, long total, Map<LocalDate, Long> byDay) {
        static final Counts NONE = new Counts(0, 0, 0, Map.of());
    }

    private final Map<Key, AtomicLong> pending = new ConcurrentHashMap<>();
    private final JdbcOperations jdbc;

    ScanCounter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long codeId) {
        pending.computeIfAbsent(new Key(codeId, LocalDate.now(Times.ZONE)), k -> new AtomicLong()).incrementAndGet();
    }

    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    void scheduledFlush() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("scan counts not flushed yet: {}", e.toString());
        }
    }

    @PreDestroy
    void onShutdown() {
        scheduledFlush();
    }

    /** Writes the counts gathered on this replica so far. */
    @Transactional
    public synchronized void flush() {
        List<Map.Entry<Key, Long>> batch = new ArrayList<>();
        for (var e : pending.entrySet()) {
            long n = e.getValue().getAndSet(0);
            if (n > 0) {
                batch.add(Map.entry(e.getKey(), n));
            }
            if (e.getKey().day().isBefore(LocalDate.now(Times.ZONE))) {
                pending.remove(e.getKey(), e.getValue());
                long late = e.getValue().getAndSet(0);
                if (late > 0) {
                    batch.add(Map.entry(e.getKey(), late));
                }
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Times.now());
        jdbc.prepareStatement(UPSERT, ps -> {
            for (var e : batch) {
                ps.setLong(1, e.getKey().codeId());
                ps.setObject(2, e.getKey().day());
                ps.setLong(3, e.getValue());
                ps.setTimestamp(4, now);
                ps.setLong(5, e.getValue());
                ps.setTimestamp(6, now);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /** Counts of the given codes, read from the database (call {@link #flush()} first for this replica's latest). */
    @Transactional
    public Map<Long, Counts> counts(Collection<Long> codeIds) {
        if (codeIds.isEmpty()) {
            return Map.of();
        }
        LocalDate today = LocalDate.now(Times.ZONE);
        String in = String.join(",", codeIds.stream().map(id -> "?").toList());
        Map<Long, Map<LocalDate, Long>> days = new HashMap<>();
        jdbc.prepareStatement("SELECT code_id, scan_day, scans FROM code_scan_day WHERE code_id IN (" + in + ")", ps -> {
            int i = 1;
            for (Long id : codeIds) {
                ps.setLong(i++, id);
            }
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeMap<>())
                            .put(rs.getObject(2, LocalDate.class), rs.getLong(3));
                }
            }
            return null;
        });
        Map<Long, Counts> out = new HashMap<>();
        days.forEach((id, byDay) -> out.put(id, new Counts(byDay.getOrDefault(today, 0L),
                byDay.entrySet().stream().filter(e -> !e.getKey().isBefore(today.minusDays(6))).mapToLong(Map.Entry::getValue).sum(),
                byDay.values().stream().mapToLong(Long::longValue).sum(), byDay)));
        return out;
    }
}
