package cn.mashang.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw-JDBC ceiling for submissions: T threads, each with its own connection, insert concern rows into the
 * real {@code concern} table of the benchmark database (same server, same durability: whatever
 * innodb_flush_log_at_trx_commit / sync_binlog the server runs with, printed), ONE row per transaction like a
 * submission, for S seconds. The rows it wrote are deleted afterwards. Prints one line:
 * {@code RESULT rps=… p50=… p99=… requests=… errors=… flush_log_at_trx_commit=…}.
 *
 * <pre>java -cp … cn.mashang.bench.JdbcInsertCeiling jdbc:mysql://127.0.0.1:3306/mashang_bench root '' 20 12</pre>
 */
public final class JdbcInsertCeiling {
    private JdbcInsertCeiling() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int threads = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String settings;
        long stationId;
        long regionId;
        long codeId;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT @@innodb_flush_log_at_trx_commit, @@sync_binlog, @@log_bin")) {
                rs.next();
                settings = "flush_log_at_trx_commit=" + rs.getString(1) + " sync_binlog=" + rs.getString(2)
                        + " log_bin=" + rs.getString(3);
            }
            try (ResultSet rs = s.executeQuery("SELECT c.id, c.station_id, st.region_id FROM contact_code c "
                    + "JOIN station st ON st.id = c.station_id WHERE c.kind = 'STATION' AND c.active ORDER BY c.id LIMIT 1")) {
                rs.next();
                codeId = rs.getLong(1);
                stationId = rs.getLong(2);
                regionId = rs.getLong(3);
            }
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        String sql = "INSERT INTO concern (tracking_no, tracking_key_hash, station_id, region_id, channel, code_id, category,"
                + " content, resident_device_id, state, created_at, updated_at, version)"
                + " VALUES (?,?,?,?,'STATION_CODE',?,'生活环境',?,?,'SUBMITTED',?,?,0)";
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong seq = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long[] counts = new long[threads];
        for (int t = 0; t < threads; t++) {
            long[] lat = new long[300_000];
            perThread.add(lat);
            int ti = t;
            workers.add(Thread.ofPlatform().start(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                     PreparedStatement ps = c.prepareStatement(sql)) {
                    c.setAutoCommit(false);
                    int n = 0;
                    while (!stop.get()) {
                        long i = seq.incrementAndGet();
                        long t0 = System.nanoTime();
                        try {
                            Timestamp now = Timestamp.from(Instant.now());
                            ps.setString(1, "BENCH-" + run + "-" + i);
                            ps.setString(2, "0".repeat(64));
                            ps.setLong(3, stationId);
                            ps.setLong(4, regionId);
                            ps.setLong(5, codeId);
                            ps.setString(6, "压测反映 raw-jdbc " + i + "：小区路灯不亮已经一周，晚上出行不安全，请协调维修。");
                            ps.setString(7, "f".repeat(64));
                            ps.setTimestamp(8, now);
                            ps.setTimestamp(9, now);
                            ps.executeUpdate();
                            c.commit();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            try {
                                c.rollback();
                            } catch (Exception ignored) {
                                // connection gone
                            }
                        }
                        if (n < lat.length) {
                            lat[n++] = System.nanoTime() - t0;
                        }
                    }
                    counts[ti] = n;
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }));
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = 0;
        for (long n : counts) {
            total += (int) n;
        }
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread.get(t), 0, all, k, (int) counts[t]);
            k += (int) counts[t];
        }
        java.util.Arrays.sort(all);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM concern WHERE tracking_no LIKE 'BENCH-" + run + "-%'");
        }
        System.out.printf("RESULT rps=%.1f p50=%.2f p99=%.2f max=%.2f requests=%d errors=%d threads=%d %s%n",
                total / elapsed, pct(all, 50), pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, total,
                errors.get(), threads, settings);
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
