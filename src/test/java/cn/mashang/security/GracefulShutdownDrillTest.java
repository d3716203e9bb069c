package cn.mashang.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drill: a replica is stopped (SIGTERM) in the middle of a submission load. The replica runs as its own JVM on
 * the local MariaDB; the clients keep a ledger of 201 answers; after the process exits every acknowledged
 * tracking number is in the database exactly once. Run: {@code ./mvnw -B test -Pdrill}.
 */
@Tag("drill")
class GracefulShutdownDrillTest {
    static final String DB = "mashang_drill_shutdown";
    Process replica;

    @AfterEach
    void tearDown() throws Exception {
        if (replica != null && replica.isAlive()) {
            replica.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        DrillSupport.dropDatabase(DB);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process startReplica(int port, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m",
                "-Dmicronaut.server.port=" + port,
                "-Ddatasources.default.url=" + DrillSupport.url(DrillSupport.DB_HOST, DrillSupport.DB_PORT, DB),
                "-Ddatasources.default.username=" + DrillSupport.DB_USER,
                "-Ddatasources.default.password=" + DrillSupport.DB_PASSWORD,
                "-Ddatasources.default.driver-class-name=com.mysql.cj.jdbc.Driver",
                "-Dintake.address-submit-limit=100000",
                "-cp", System.getProperty("java.class.path"), "cn.mashang.Application"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // test env: demo city and a clean schema; mariadb env: the MySQL driver settings
        pb.environment().put("MICRONAUT_ENVIRONMENTS", "test,mariadb");
        return pb.start();
    }

    @Test
    void aReplicaStoppedMidLoadLosesNoAcknowledgedConcern() throws Exception {
        DrillSupport.recreateDatabase(DB);
        int port = freePort();
        Path log = Path.of("target", "drill-reports", "graceful-shutdown-replica.log");
        Files.createDirectories(log.getParent());
        replica = startReplica(port, log);
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        boolean up = false;
        while (!up && System.nanoTime() < deadline && replica.isAlive()) {
            try {
                up = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (java.io.IOException e) {
                Thread.sleep(500);
            }
        }
        assertTrue(up, "the replica started; see " + log);

        var load = new DrillSupport.Load(base, 6, Duration.ofSeconds(30), 50);
        Thread.sleep(4_000);
        long acknowledgedBefore = load.ledger.size();
        long sigterm = System.nanoTime();
        replica.destroy();   // SIGTERM
        boolean exited = replica.waitFor(40, TimeUnit.SECONDS);
        long stopMs = (System.nanoTime() - sigterm) / 1_000_000;
        Thread.sleep(500);
        load.stop();

        long inFlightAnswered = load.answers.stream().filter(a -> a.at() > sigterm && a.status() == 201).count();
        long refused = load.count(a -> a.status() == 0);
        Map<String, Integer> rows = DrillSupport.rowsPerTrackingNo(DB, load.ledger.keySet());
        long found = rows.values().stream().filter(n -> n == 1).count();
        long lost = rows.values().stream().filter(n -> n == 0).count();
        long duplicated = rows.values().stream().filter(n -> n > 1).count();
        DrillSupport.report("graceful-shutdown", String.format("""
                == Drill: SIGTERM to a replica during a submission load (6 clients, MariaDB, replica in its own JVM)
                requests sent            %d
                acknowledged (201)       %d  (%d before SIGTERM, %d answered 201 after it)
                no HTTP answer           %d  (connection refused/closed once the replica stopped accepting)
                other statuses           %d
                replica exit             %s after %d ms, exit code %s
                found in DB exactly once %d
                lost                     %d
                duplicated               %d
                """, load.sent.get(), load.ledger.size(), acknowledgedBefore, inFlightAnswered, refused,
                load.count(a -> a.status() != 201 && a.status() != 0), exited ? "exited" : "STILL RUNNING", stopMs,
                exited ? String.valueOf(replica.exitValue()) : "-", found, lost, duplicated));

        assertTrue(exited, "the replica exited within 40 s of SIGTERM");
        assertTrue(acknowledgedBefore > 0, "the load was acknowledged before SIGTERM");
        assertEquals(0, lost, "acknowledged concerns lost");
        assertEquals(0, duplicated, "acknowledged concerns stored twice");
        assertEquals(load.ledger.size(), found);
        assertTrue(new File(log.toString()).length() > 0);
    }
}
