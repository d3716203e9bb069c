package cn.mashang.ledger;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.TransactionOperations;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ledger export on the benchmark city ({@link cn.mashang.bench.BenchCity}): the whole city's last 365 days and the
 * busiest county's, as .xlsx and CSV, through {@link Ledger} (the service the route calls; its pipe read here as
 * the server would), into files under the given folder. Prints one RESULT line per export: rows, seconds, rows/s,
 * bytes, the heap's peak (used, sampled every 50 ms: garbage included) and the old generation's peak. Run it with the
 * app's small heap (run.sh: {@code -Xmx192m}, serial GC).
 *
 * <pre>java -Xmx192m -cp target/classes:target/test-classes:$(cat target/bench/cp.txt) cn.mashang.ledger.LedgerBench '&lt;jdbc url&gt;' target/bench [xlsx,csv]</pre>
 */
public final class LedgerBench {
    private LedgerBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 1 ? args[1] : "target/bench");
        String formats = args.length > 2 ? args[2] : "xlsx,csv";
        Files.createDirectories(dir);
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", args[0]);
        props.put("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver");
        props.put("datasources.default.username", System.getProperty("bench.user", "root"));
        props.put("datasources.default.password", System.getProperty("bench.password", ""));
        props.put("demo.enabled", false);
        props.put("sla.overdue.enabled", false);
        props.put("dashboard.rollup.enabled", false);
        props.put("notify.sender.enabled", false);
        props.put("micronaut.server.port", -1);
        props.put("search.backfill-delay", "24h");
        props.put("lifecycle.deadline-backfill-delay", "24h");
        try (ApplicationContext ctx = ApplicationContext.builder().deduceEnvironment(false).properties(props).start()) {
            JdbcOperations jdbc = ctx.getBean(JdbcOperations.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = ctx.getBean(TransactionOperations.class);
            Ledger ledger = ctx.getBean(Ledger.class);
            long[] city = one(tx, jdbc, "SELECT a.id, r.id FROM staff_account a JOIN region r ON r.id = a.region_id"
                    + " WHERE a.role = 'ADMIN' AND r.level = 'CITY' ORDER BY a.id LIMIT 1");
            long[] county = one(tx, jdbc, "SELECT a.id, r.id FROM staff_account a JOIN region r ON r.id = a.region_id"
                    + " WHERE a.role = 'ADMIN' AND r.level = 'COUNTY' ORDER BY (SELECT COUNT(*) FROM concern c JOIN region x"
                    + " ON x.id = c.region_id WHERE x.path LIKE CONCAT(r.path, '%')) DESC LIMIT 1");
            LocalDate to = LocalDate.now(cn.mashang.common.Times.ZONE);
            LocalDate from = to.minusDays(364);
            for (String format : formats.split(",")) {
                Ledger.Format f = Ledger.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
                run("county", county, from, to, f, ledger, dir);
                run("city", city, from, to, f, ledger, dir);
            }
        }
    }

    private static void run(String name, long[] who, LocalDate from, LocalDate to, Ledger.Format f, Ledger ledger,
                            Path dir) throws Exception {
        System.gc();
        AtomicLong peak = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        Authentication auth = Authentication.build(String.valueOf(who[0]), Map.of("ver", 0));
        Path file = dir.resolve("ledger-" + name + "." + f.extension);
        long t0 = System.nanoTime();
        Ledger.Export e = ledger.start(auth, who[1], from, to, f);
        long bytes;
        try (InputStream in = e.body(); OutputStream out = Files.newOutputStream(file)) {
            bytes = in.transferTo(out);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        long oldPeak = 0;   // the old generation's peak: what survived young collections (live data and old garbage)
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && (p.getName().contains("Old") || p.getName().contains("Tenured"))) {
                oldPeak += p.getPeakUsage().getUsed();
            }
        }
        long rows = e.rows().get();
        System.out.printf("RESULT ledger_%s_%s rows=%s secs=%.1f rows_per_s=%s bytes=%d heap_peak_mb=%.0f old_gen_peak_mb=%.0f"
                        + " heap_max_mb=%.0f file=%s%n", name, f.extension, rows, secs,
                String.format("%.0f", rows / secs), bytes, peak.get() / 1048576.0, oldPeak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0, file);
    }

    private static long[] one(TransactionOperations<Connection> tx, JdbcOperations jdbc, String sql) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2)};
            }
        }));
    }
}
