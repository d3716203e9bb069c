package cn.mashang.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drill: the database dies during a steady submission load and comes back. The service sits behind a TCP proxy
 * ({@link TcpProxy}) in front of the local MariaDB; the proxy is cut for {@value #OUTAGE_SECONDS} s.
 * During the outage every request answers within {@value #ANSWER_WITHIN_MS} ms, as 503 problem+json with
 * Retry-After; after the proxy is restored the service answers 201 again without a restart; every tracking
 * number the service acknowledged with 201 is in the database exactly once. Run: {@code ./mvnw -B test -Pdrill}.
 */
@Tag("drill")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseFaultDrillTest implements TestPropertyProvider {
    static final String DB = "mashang_drill_faults";
    static final int OUTAGE_SECONDS = 8;
    /** Hikari connection-timeout 3 s + connect 2 s + socket timeout 5 s bound every request; the drill allows 10 s. */
    static final long ANSWER_WITHIN_MS = 10_000;
    static TcpProxy proxy;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        try {
            DrillSupport.recreateDatabase(DB);
            proxy = new TcpProxy(DrillSupport.DB_HOST, DrillSupport.DB_PORT);
        } catch (SQLException e) {
            throw new IllegalStateException("the drill needs MariaDB at " + DrillSupport.DB_HOST + ":" + DrillSupport.DB_PORT, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "datasources.default.url", DrillSupport.url("127.0.0.1", proxy.port(), DB)
                        + "&connectTimeout=2000&socketTimeout=5000",
                "datasources.default.username", DrillSupport.DB_USER,
                "datasources.default.password", DrillSupport.DB_PASSWORD,
                "datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver",
                "datasources.default.connection-timeout", "3000",
                "intake.address-submit-limit", "100000");
    }

    @AfterAll
    void tearDown() throws SQLException {
        if (proxy != null) {
            proxy.close();
        }
        DrillSupport.dropDatabase(DB);
    }

    @Test
    void theDatabaseDiesDuringLoadAndEveryAcknowledgedConcernSurvivesExactlyOnce() throws Exception {
        String base = server.getURL().toString();
        var load = new DrillSupport.Load(base, 4, Duration.ofSeconds(30), 200);
        Thread.sleep(5_000);
        long acknowledgedBefore = load.ledger.size();

        long cutAt = System.nanoTime();
        proxy.cut();
        Thread.sleep(OUTAGE_SECONDS * 1000L);
        long restoredAt = System.nanoTime();
        load.mark = restoredAt;
        proxy.restore();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (load.first201AfterMark.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(5_000);
        load.stop();

        long recoverMs = load.first201AfterMark.get() == 0 ? -1 : (load.first201AfterMark.get() - restoredAt) / 1_000_000;
        List<DrillSupport.Answer> outage = load.answers.stream()
                .filter(a -> a.at() > cutAt + 200_000_000L && a.at() < restoredAt).toList();
        long outage503 = outage.stream().filter(a -> a.status() == 503).count();
        long outageSlow = outage.stream().filter(a -> a.millis() > ANSWER_WITHIN_MS).count();
        long maxOutageMs = outage.stream().mapToLong(DrillSupport.Answer::millis).max().orElse(0);
        long no503Problem = outage.stream().filter(a -> a.status() == 503)
                .filter(a -> !a.body().contains("\"status\":503") || !a.body().contains("服务暂时不可用")).count();
        long noAnswer = load.count(a -> a.status() == 0);
        long other = load.count(a -> a.status() != 201 && a.status() != 503 && a.status() != 0);

        Map<String, Integer> rows = DrillSupport.rowsPerTrackingNo(DB, load.ledger.keySet());
        long found = rows.values().stream().filter(n -> n == 1).count();
        long lost = rows.values().stream().filter(n -> n == 0).count();
        long duplicated = rows.values().stream().filter(n -> n > 1).count();

        DrillSupport.report("database-fault", String.format("""
                == Drill: database cut for %d s during a submission load (4 clients, MariaDB through a TCP proxy)
                requests sent            %d
                acknowledged (201)       %d  (%d before the cut)
                answered 503             %d  (%d during the outage, all problem+json: %s)
                no HTTP answer           %d
                other statuses           %d  %s
                slowest outage answer    %d ms  (bound %d ms; over the bound: %d)
                time to recover          %d ms after the database returned (no restart)
                found in DB exactly once %d
                lost                     %d
                duplicated               %d
                """, OUTAGE_SECONDS, load.sent.get(), load.ledger.size(), acknowledgedBefore,
                load.count(a -> a.status() == 503), outage503, no503Problem == 0, noAnswer, other,
                load.answers.stream().filter(a -> a.status() != 201 && a.status() != 503 && a.status() != 0)
                        .map(a -> a.status() + " " + a.body()).limit(3).toList(), maxOutageMs,
                ANSWER_WITHIN_MS, outageSlow, recoverMs, found, lost, duplicated));

        assertTrue(acknowledgedBefore > 0, "the load was acknowledged before the cut");
        assertTrue(outage.size() > 0 && outage503 == outage.size(), "every answer during the outage is 503: " + outage.size()
                + " answers, " + outage503 + " of them 503");
        assertEquals(0, no503Problem, "503 answers are problem+json 服务暂时不可用");
        assertEquals(0, outageSlow, "no answer during the outage took longer than " + ANSWER_WITHIN_MS + " ms");
        assertEquals(0, noAnswer, "every request got an HTTP answer");
        assertTrue(recoverMs >= 0 && recoverMs < 30_000, "recovered without restart within 30 s: " + recoverMs);
        assertTrue(load.ledger.size() > acknowledgedBefore, "submissions were acknowledged again after recovery");
        assertEquals(0, lost, "acknowledged concerns lost");
        assertEquals(0, duplicated, "acknowledged concerns stored twice");
        assertEquals(load.ledger.size(), found);
    }
}
