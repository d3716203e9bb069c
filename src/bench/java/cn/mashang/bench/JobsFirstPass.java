package cn.mashang.bench;

import cn.mashang.dashboard.RollupJob;
import cn.mashang.referral.SupervisionJob;
import cn.mashang.sla.OverdueJob;
import io.micronaut.context.ApplicationContext;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The first passes of the overdue job and the referral supervision job over a bulk-loaded city, once per generated
 * city (src/bench/run.sh), before anything is measured. A generated city has never been looked at
 * ({@code sla_check_at} NULL on ~900,000 concerns, {@code supervise_at} NULL on ~50,000 open referrals): in the app,
 * those one-off passes ran through the first wrk runs. Afterwards each pass walks only the rows whose stored next
 * look passed, as in a running deployment. Usage: JobsFirstPass JDBC_URL [supervision] (only the supervision pass:
 * a city generated before V112); user/password: -Dbench.user/-password. Applies the app's migrations first.
 */
public final class JobsFirstPass {
    private JobsFirstPass() {
    }

    public static void main(String[] args) {
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", args[0]);
        p.put("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver");
        p.put("datasources.default.username", System.getProperty("bench.user", "root"));
        p.put("datasources.default.password", System.getProperty("bench.password", ""));
        p.put("demo.enabled", false);
        p.put("micronaut.server.port", -1);
        p.put("sla.overdue.enabled", false);      // the scheduled runs: this class calls the job itself
        p.put("dashboard.rollup.enabled", false);
        p.put("notify.sender.enabled", false);
        p.put("search.backfill-delay", "24h");
        p.put("lifecycle.deadline-backfill-delay", "24h");
        p.put("referral.supervision.enabled", false);
        boolean onlySupervision = args.length > 1 && args[1].equals("supervision");
        try (ApplicationContext ctx = ApplicationContext.builder().deduceEnvironment(false).properties(p).start()) {
            long t2 = System.nanoTime();
            SupervisionJob.Result s = ctx.getBean(SupervisionJob.class).runOnce(Instant.now());
            System.out.printf("supervision job first pass: ran=%s examined=%d steps=%d in %.1f s%n", s.ran(), s.examined(),
                    s.steps(), (System.nanoTime() - t2) / 1e9);
            if (onlySupervision) {
                return;
            }
            long t0 = System.nanoTime();
            OverdueJob.Result r = ctx.getBean(OverdueJob.class).runOnce(Instant.now());
            System.out.printf("overdue job first pass: ran=%s examined=%d escalated=%d in %.1f s%n", r.ran(), r.examined(),
                    r.escalated(), (System.nanoTime() - t0) / 1e9);
            // the escalations (and auto-closes) marked ~70,000 station-days dirty: rebuilt here, not by the app's
            // first roll-up pass during the measured runs (1 December: it was still draining them when they ended)
            long t1 = System.nanoTime();
            int done = ctx.getBean(RollupJob.class).runOnce(Instant.now());
            System.out.printf("roll-up first pass (dirty station-days and months): %d in %.1f s%n", done,
                    (System.nanoTime() - t1) / 1e9);
        }
    }
}
