package cn.mashang.concern.work;

import cn.mashang.concern.search.SearchBackfill;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Search latency on the benchmark city ({@link cn.mashang.bench.BenchCity}): indexes the bulk-loaded concerns
 * ({@link SearchBackfill}, timed), then runs N searches per scope through {@link ConcernSearch} (the service, no
 * HTTP) as a county admin (random county) and as a station head (random station of the 200 busiest), over a mix of
 * queries (a frequent word, two words, a phrase, a state filter, the overdue filter, a tracking number, a word found
 * nowhere, two frequent words never together), and prints p50/p99 per scope and per query, in ms.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/bench/cp.txt) cn.mashang.concern.work.SearchBench '&lt;jdbc url&gt;' 300</pre>
 */
public final class SearchBench {
    static final String[] QUERIES = {"q=路灯", "q=电梯 协调", "q=暖气不热", "q=路灯&state=open", "q=消防&overdue=true",
        "q=TRACKING", "q=火箭发射", "q=路灯 暖气", "state=open"};

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        try (ApplicationContext ctx = ApplicationContext.builder().deduceEnvironment(false).properties(props(
                "datasources.default.url", args[0], "datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver",
                "datasources.default.username", System.getProperty("bench.user", "root"),
                "datasources.default.password", System.getProperty("bench.password", ""), "demo.enabled", false,
                "sla.overdue.enabled", false, "dashboard.rollup.enabled", false, "notify.sender.enabled", false,
                "micronaut.server.port", -1, "search.backfill-delay", "24h", "lifecycle.deadline-backfill-delay", "24h")).start()) {
            JdbcOperations jdbc = ctx.getBean(JdbcOperations.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = ctx.getBean(TransactionOperations.class);
            long t0 = System.nanoTime();
            int indexed = ctx.getBean(SearchBackfill.class).run();
            double secs = (System.nanoTime() - t0) / 1e9;
            long terms = longs(tx, jdbc, "SELECT COUNT(*) FROM concern_term").get(0);
            System.out.printf("search index: %d concerns indexed in %.1f s (%.0f/s), %d term rows%n", indexed, secs,
                    indexed / Math.max(secs, 1e-9), terms);
            ConcernSearch search = ctx.getBean(ConcernSearch.class);
            List<Long> counties = longs(tx, jdbc, "SELECT a.id FROM staff_account a JOIN region r ON r.id = a.region_id"
                    + " WHERE a.role = 'ADMIN' AND r.level = 'COUNTY' ORDER BY a.id");
            List<Long> heads = longs(tx, jdbc, "SELECT a.id FROM staff_account a JOIN (SELECT station_id, COUNT(*) n FROM concern"
                    + " GROUP BY station_id ORDER BY n DESC LIMIT 200) b ON b.station_id = a.station_id WHERE a.role = 'STATION_HEAD'");
            List<String> tracking = strings(tx, jdbc, "SELECT tracking_no FROM concern ORDER BY id DESC LIMIT 500");
            Random rnd = new Random(7);
            run("county", counties, n, search, tx, tracking, rnd);
            run("station", heads, n, search, tx, tracking, rnd);
        }
    }

    private static void run(String scope, List<Long> accounts, int n, ConcernSearch search,
                            TransactionOperations<Connection> tx, List<String> tracking, Random rnd) {
        Map<String, List<Double>> per = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        for (int warm = 0; warm < 2; warm++) {
            per.clear();
            all.clear();
            for (int i = 0; i < n; i++) {
                String query = QUERIES[i % QUERIES.length].replace("TRACKING", tracking.get(rnd.nextInt(tracking.size())));
                Authentication auth = Authentication.build(String.valueOf(accounts.get(rnd.nextInt(accounts.size()))),
                        Map.of("ver", 0));
                ConcernSearch.Filter f = filter(query);
                long t = System.nanoTime();
                tx.executeRead(s -> search.search(auth, f));
                double ms = (System.nanoTime() - t) / 1e6;
                all.add(ms);
                per.computeIfAbsent(QUERIES[i % QUERIES.length], k -> new ArrayList<>()).add(ms);
            }
        }
        System.out.printf("RESULT search_%s n=%d p50=%.1f p99=%.1f max=%.1f%n", scope, all.size(), pct(all, 50), pct(all, 99),
                pct(all, 100));
        per.forEach((q, l) -> System.out.printf("  %-8s %-22s n=%d p50=%.1f p99=%.1f%n", scope, q, l.size(), pct(l, 50), pct(l, 99)));
    }

    static ConcernSearch.Filter filter(String query) {
        String q = null;
        String state = null;
        Boolean overdue = null;
        for (String part : query.split("&")) {
            String[] kv = part.split("=", 2);
            switch (kv[0]) {
                case "q" -> q = kv[1];
                case "state" -> state = kv[1];
                case "overdue" -> overdue = Boolean.valueOf(kv[1]);
                default -> throw new IllegalArgumentException(part);
            }
        }
        return new ConcernSearch.Filter(q, state, null, null, null, null, null, overdue, null, 20);
    }

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static double pct(List<Double> values, double p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v[Math.min(v.length - 1, (int) Math.ceil(p / 100 * v.length) - 1)];
    }

    private static List<Long> longs(TransactionOperations<Connection> tx, JdbcOperations jdbc, String sql) {
        return strings(tx, jdbc, sql).stream().map(Long::valueOf).toList();
    }

    private static List<String> strings(TransactionOperations<Connection> tx, JdbcOperations jdbc, String sql) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }));
    }
}
