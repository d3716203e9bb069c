package cn.mashang.bench;

import cn.mashang.concern.search.Bigrams;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw-JDBC ceilings for submissions: T threads, each with its own connection, write into the real tables of
 * the benchmark database (same server, same durability: whatever innodb_flush_log_at_trx_commit / sync_binlog the
 * server runs with, printed), one submission per transaction, for S seconds, with the app's Connector/J settings.
 * <ul>
 *   <li>{@code row} (default): ONE concern row per transaction — the floor of any submission;</li>
 *   <li>{@code submission}: the write set of a real resident submission, the same statements in the same order
 *       (docs/benchmarks.md "Submission write set"): idempotency row, concern, SUBMITTED event, outbox row, its
 *       search terms (one batch), the station-month and station-day dirty marks, the idempotency answer. The app's
 *       reads (idempotency look-up, near-duplicate check, search text) are not in it: what the app spends beyond
 *       this ceiling is its own.</li>
 * </ul>
 * The rows it wrote are deleted afterwards. Prints one line:
 * {@code RESULT rps=… p50=… p99=… requests=… errors=… statements=… flush_log_at_trx_commit=…}.
 *
 * <pre>java -cp … cn.mashang.bench.JdbcInsertCeiling jdbc:mysql://127.0.0.1:3306/mashang_bench root '' 20 12 [row|submission]</pre>
 */
public final class JdbcInsertCeiling {
    /** The app's Connector/J settings (application-prod.yml). */
    static final String DRIVER_SETTINGS = "&cachePrepStmts=true&prepStmtCacheSize=500&prepStmtCacheSqlLimit=16384"
            + "&useLocalSessionState=true&elideSetAutoCommits=true&cacheServerConfiguration=true&rewriteBatchedStatements=true";
    static final String CONTENT = "压测反映：小区路灯不亮已经一周，晚上出行不安全，请协调维修。";
    static final String CONCERN = "INSERT INTO concern (tracking_no, tracking_key_hash, station_id, deputy_id, membership_id,"
            + " region_id, channel, code_id, category, content, address, contact_name, mobile_enc, mobile_masked, mobile_hash,"
            + " consent_at, resident_device_id, state, assignee_deputy_id, department_id, department_deadline, outcome,"
            + " merged_into_id, rating, rating_comment, rated_at, reopen_count, me_too_count, first_response_at, resolved_at,"
            + " closed_at, first_response_due, resolution_due, feedback_due, sign_due, signed_at, pii_purged_at, created_at,"
            + " updated_at, version) VALUES (?,?,?,NULL,NULL,?,'STATION_CODE',?,'生活环境',?,NULL,NULL,NULL,NULL,NULL,NULL,?,"
            + "'SUBMITTED',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,0,NULL,NULL,NULL,?,?,NULL,NULL,NULL,NULL,?,?,0)";

    private JdbcInsertCeiling() {
    }

    /** One place: station, region, code. */
    record Target(long stationId, long regionId, long codeId) {
    }

    /** One transaction's statements on a worker's connection. */
    interface Txn {
        void run(Connection c, long i, Instant now) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String url = args[0] + DRIVER_SETTINGS;
        String user = args[1];
        String password = args[2];
        int threads = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        boolean submission = args.length > 5 && args[5].equals("submission");
        String settings;
        Target target;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT @@innodb_flush_log_at_trx_commit, @@sync_binlog, @@log_bin")) {
                rs.next();
                settings = "flush_log_at_trx_commit=" + rs.getString(1) + " sync_binlog=" + rs.getString(2)
                        + " log_bin=" + rs.getString(3);
            }
            try (ResultSet rs = s.executeQuery("SELECT c.id, c.station_id, st.region_id FROM contact_code c "
                    + "JOIN station st ON st.id = c.station_id WHERE c.kind = 'STATION' AND c.active ORDER BY c.id LIMIT 1")) {
                rs.next();
                target = new Target(rs.getLong(2), rs.getLong(3), rs.getLong(1));
            }
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        int statements = submission ? 8 : 1;
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
                try (Connection c = DriverManager.getConnection(url, user, password)) {
                    c.setAutoCommit(false);
                    Txn txn = submission ? submission(target, run) : row(target, run);
                    int n = 0;
                    while (!stop.get()) {
                        long i = seq.incrementAndGet();
                        long t0 = System.nanoTime();
                        try {
                            txn.run(c, i, Instant.now());
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
        // the figure first: a clean-up that fails (a lock held elsewhere) must not lose the measurement
        System.out.printf("RESULT rps=%.1f p50=%.2f p99=%.2f max=%.2f requests=%d errors=%d threads=%d statements=%d %s%n",
                total / elapsed, pct(all, 50), pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, total,
                errors.get(), threads, statements, settings);
        System.out.flush();
        cleanUp(url, user, password, run);
    }

    /** One concern row. */
    static Txn row(Target t, String run) {
        return (c, i, now) -> {
            try (PreparedStatement ps = c.prepareStatement(CONCERN, Statement.RETURN_GENERATED_KEYS)) {
                concern(ps, t, run, i, now);
                ps.executeUpdate();
            }
        };
    }

    /** The write set of a resident submission, statement by statement as the app sends it. */
    static Txn submission(Target t, String run) {
        Set<String> terms = Bigrams.of(CONTENT, null, "生活环境");
        LocalDate day = LocalDate.ofInstant(Instant.now(), ZoneId.of("Asia/Shanghai"));
        return (c, i, now) -> {
            Timestamp at = Timestamp.from(now);
            long idem;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency_record (idem_key, scope, request_hash,"
                    + " response, concern_id, created_at) VALUES (?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "BENCH-" + run + "-" + i);
                ps.setString(2, "addr:127.0.0.1");
                ps.setString(3, "e".repeat(64));
                ps.setNull(4, java.sql.Types.VARCHAR);
                ps.setNull(5, java.sql.Types.BIGINT);
                ps.setTimestamp(6, at);
                ps.executeUpdate();
                idem = key(ps);
            }
            long concern;
            try (PreparedStatement ps = c.prepareStatement(CONCERN, Statement.RETURN_GENERATED_KEYS)) {
                concern(ps, t, run, i, now);
                ps.executeUpdate();
                concern = key(ps);
            }
            long event;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO concern_event (concern_id, type, actor_type,"
                    + " actor_account_id, actor_role, from_state, to_state, body, payload, is_public, created_at)"
                    + " VALUES (?,'SUBMITTED','RESIDENT',NULL,NULL,NULL,'SUBMITTED',NULL,NULL,TRUE,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, concern);
                ps.setTimestamp(2, at);
                ps.executeUpdate();
                event = key(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO notification_outbox (channel, target, kind,"
                    + " payload, status, attempts, next_attempt_at, dedupe_key, created_at, station_id)"
                    + " VALUES ('LOG','default','concern.submitted',?,'PENDING',0,?,?,?,?)")) {
                ps.setString(1, "{\"title\":\"【新诉求】BENCH-" + run + "-" + i + "\",\"body\":\"**联络站**\\n> 诉求编号\"}");
                ps.setTimestamp(2, at);
                ps.setString(3, "concern:" + concern + ":" + event);
                ps.setTimestamp(4, at);
                ps.setLong(5, t.stationId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO concern_term (concern_id, term, station_id,"
                    + " region_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
                for (String term : terms) {
                    ps.setLong(1, concern);
                    ps.setString(2, term);
                    ps.setLong(3, t.stationId());
                    ps.setLong(4, t.regionId());
                    ps.setTimestamp(5, at);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO dash_dirty (station_id, stat_month, marked_at)"
                    + " VALUES (?, ?, ?)")) {
                ps.setLong(1, t.stationId());
                ps.setObject(2, day.withDayOfMonth(1));
                ps.setTimestamp(3, at);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO dash_day_dirty (station_id, stat_day, event_id)"
                    + " VALUES (?, ?, ?)")) {
                ps.setLong(1, t.stationId());
                ps.setObject(2, day);
                ps.setLong(3, event);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE idempotency_record SET response = ?, concern_id = ? WHERE id = ?")) {
                ps.setString(1, "x".repeat(300));
                ps.setLong(2, concern);
                ps.setLong(3, idem);
                ps.executeUpdate();
            }
        };
    }

    private static void concern(PreparedStatement ps, Target t, String run, long i, Instant now) throws Exception {
        Timestamp at = Timestamp.from(now);
        ps.setString(1, "BENCH-" + run + "-" + i);
        ps.setString(2, "0".repeat(64));
        ps.setLong(3, t.stationId());
        ps.setLong(4, t.regionId());
        ps.setLong(5, t.codeId());
        ps.setString(6, CONTENT + " raw-jdbc " + i);
        ps.setString(7, "f".repeat(64));
        ps.setTimestamp(8, Timestamp.from(now.plusSeconds(86_400L * 3)));
        ps.setTimestamp(9, Timestamp.from(now.plusSeconds(86_400L * 21)));
        ps.setTimestamp(10, at);
        ps.setTimestamp(11, at);
    }

    private static long key(PreparedStatement ps) throws Exception {
        try (ResultSet rs = ps.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Deletes what a run wrote (children first). */
    private static void cleanUp(String url, String user, String password, String run) throws Exception {
        String mine = "SELECT id FROM concern WHERE tracking_no LIKE 'BENCH-" + run + "-%'";
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM concern_term WHERE concern_id IN (" + mine + ")");
            s.executeUpdate("DELETE FROM dash_day_dirty WHERE event_id IN (SELECT id FROM concern_event WHERE concern_id IN (" + mine + "))");
            s.executeUpdate("DELETE FROM concern_event WHERE concern_id IN (" + mine + ")");
            s.executeUpdate("DELETE FROM notification_outbox WHERE kind = 'concern.submitted' AND payload LIKE '%BENCH-" + run + "-%'");
            s.executeUpdate("DELETE FROM idempotency_record WHERE idem_key LIKE 'BENCH-" + run + "-%'");
            s.executeUpdate("DELETE FROM concern WHERE tracking_no LIKE 'BENCH-" + run + "-%'");
        }
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
