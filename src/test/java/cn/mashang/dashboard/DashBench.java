package cn.mashang.dashboard;

import cn.mashang.sla.WorkingCalendar;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongConsumer;

/**
 * Dashboard latency on a database filled by {@link cn.mashang.bench.CityGenerator}: rebuilds the roll-ups once
 * (timed), then calls the station dashboard (random stations, last 90 days, with the overdue board) and the region
 * dashboard (city, random counties and townships, year to date) N times each through the services, including JSON
 * serialisation, and prints p50/p90/p99 in ms. A main class, not a test.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) cn.mashang.dashboard.DashBench '&lt;jdbc url&gt;' 500 [skip-rebuild]
 * </pre>
 */
public final class DashBench {
    private DashBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        boolean rebuild = !(args.length > 2 && args[2].equals("skip-rebuild"));
        try (ApplicationContext ctx = ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("datasources.default.url", url, "datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver",
                        "datasources.default.username", System.getProperty("bench.user", "root"), "datasources.default.password", System.getProperty("bench.password", ""), "demo.enabled", false,
                        "sla.overdue.enabled", false, "dashboard.rollup.enabled", false, "notify.sender.enabled", false,
                        "micronaut.server.port", -1, "flyway.datasources.default.enabled", false))
                .start()) {
            JdbcOperations jdbc = ctx.getBean(JdbcOperations.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = ctx.getBean(TransactionOperations.class);
            StationDashboards stations = ctx.getBean(StationDashboards.class);
            RegionDashboards regions = ctx.getBean(RegionDashboards.class);
            RollupJob rollup = ctx.getBean(RollupJob.class);
            ObjectMapper json = ctx.getBean(ObjectMapper.class);
            LocalDate today = ctx.getBean(WorkingCalendar.class).today();
            Instant now = Instant.now();
            if (rebuild) {
                long t0 = System.nanoTime();
                int done = rollup.rebuild(today.minusMonths(12).withDayOfMonth(1), today.withDayOfMonth(1), now);
                System.out.printf("roll-up rebuild: %d station-months in %.1f s%n", done, (System.nanoTime() - t0) / 1e9);
            }
            List<Long> stationIds = ids(tx, jdbc, "SELECT id FROM station");
            long city = ids(tx, jdbc, "SELECT id FROM region WHERE parent_id IS NULL").get(0);
            List<Long> counties = ids(tx, jdbc, "SELECT id FROM region WHERE level = 'COUNTY'");
            List<Long> towns = ids(tx, jdbc, "SELECT id FROM region WHERE level = 'TOWNSHIP'");
            Random rnd = new Random(11);
            Period ninety = Period.parse(null, today.toString(), today, 90);
            Period ytd = Period.parse(today.withDayOfYear(1).toString(), today.toString(), today, 365);
            Period year = Period.parse(today.minusMonths(11).withDayOfMonth(1).toString(), today.toString(), today, 365);
            Bench b = new Bench(json);
            b.run("station dashboard (90 days, board)", n, i -> stations.dashboard(stationIds.get(rnd.nextInt(stationIds.size())), ninety, null, Instant.now()));
            b.run("station dashboard (12 months)", n, i -> stations.dashboard(stationIds.get(rnd.nextInt(stationIds.size())), year, "month", Instant.now()));
            b.run("region dashboard: city (YTD, ranking 100)", n, i -> regions.dashboard(city, ytd, 100));
            b.run("region dashboard: county (YTD)", n, i -> regions.dashboard(counties.get(rnd.nextInt(counties.size())), ytd, 100));
            b.run("region dashboard: township (12 months)", n, i -> regions.dashboard(towns.get(rnd.nextInt(towns.size())), year, 100));
        }
    }

    static List<Long> ids(TransactionOperations<Connection> tx, JdbcOperations jdbc, String sql) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }));
    }

    interface Call {
        Object call(int i) throws Exception;
    }

    record Bench(ObjectMapper json) {
        void run(String name, int n, Call call) throws Exception {
            for (int i = 0; i < Math.max(20, n / 10); i++) {
                json.writeValueAsBytes(call.call(i)); // warm-up
            }
            long[] ms = new long[n];
            long bytes = 0;
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                bytes += json.writeValueAsBytes(call.call(i)).length;
                ms[i] = System.nanoTime() - t;
            }
            Arrays.sort(ms);
            System.out.printf("%-42s n=%d  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  (avg JSON %d bytes)%n", name, n,
                    q(ms, 0.5), q(ms, 0.9), q(ms, 0.99), bytes / n);
        }

        static double q(long[] sorted, double p) {
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }
}
