package cn.mashang.security;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decompression bombs against a replica at the deployment's heap: the application runs in a forked JVM with the
 * k8s manifest's heap ({@code -Xmx384m}, ≈ 60 % of 640 Mi) and {@code -XX:+ExitOnOutOfMemoryError}, on the test
 * configuration (in-memory H2, demo city). The generated corpus ({@link HostileImages}) is uploaded anonymously,
 * every file once and then the reported 16-bit RGBA bomb by several clients at once: every answer is the
 * expected one (or 503 while the decode budget is full), and the replica is alive and healthy afterwards.
 */
class HostileUploadTest {
    static final String HEAP = "-Xmx384m";
    static final int CLIENTS = 6;
    static Process replica;
    static String base;
    static Path log;
    static final Path gcLog = Path.of("target", "hostile-upload-gc.log");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startReplica() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        log = Path.of("target", "hostile-upload-replica.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(java, HEAP, "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Xlog:gc:file=" + gcLog,
                "-Dmicronaut.server.port=" + port, "-Dintake.upload-limit=100000",
                "-Dstorage.dir=target/hostile-upload-storage", "-cp", cp, "cn.mashang.Application");
        // always the in-memory H2 of the test configuration: the upload path does not touch the database engine,
        // and a MariaDB run must not have its schema cleaned by a second process
        pb.environment().put("MICRONAUT_ENVIRONMENTS", "test");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        replica = pb.start();
        base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            assertTrue(replica.isAlive(), () -> "the replica exited at startup: " + tail());
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // still starting
            }
            assertTrue(System.nanoTime() < deadline, "the replica did not start within 180 s");
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stopReplica() throws InterruptedException {
        if (replica != null) {
            replica.destroy();
            replica.waitFor();
        }
    }

    static int upload(HostileImages.Sample sample) throws IOException, InterruptedException {
        String boundary = "----hostile" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(sample.bytes());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theHostileCorpusLeavesAReplicaAtTheDeploymentHeapAliveWithTheExpectedAnswers() throws Exception {
        List<HostileImages.Sample> corpus = HostileImages.corpus();
        List<HostileImages.Sample> load = new ArrayList<>(corpus);
        for (int i = 0; i < CLIENTS; i++) {
            load.add(corpus.get(0));   // the reported bomb, by every client at once
        }
        Collections.shuffle(load, new java.util.Random(16));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Map<String, List<Integer>> answers = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (HostileImages.Sample s : load) {
                results.add(clients.submit(() -> upload(s)));
            }
            for (int i = 0; i < load.size(); i++) {
                HostileImages.Sample s = load.get(i);
                int status;
                try {
                    status = results.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    status = -1;   // connection lost: the replica died
                }
                answers.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(status);
                if (!s.expected().contains(status) && status != 503) {
                    wrong.add(s + " → " + status + " (expected " + s.expected() + ")");
                }
            }
        } finally {
            clients.shutdownNow();
        }
        // samples that met a full budget every time are sent again one by one: each gets its real answer
        for (HostileImages.Sample s : corpus) {
            List<Integer> got = answers.get(s.name());
            if (got.stream().allMatch(x -> x == 503)) {
                int status = upload(s);
                got.add(status);
                if (!s.expected().contains(status)) {
                    wrong.add(s + " alone → " + status + " (expected " + s.expected() + ")");
                }
            }
        }
        System.out.println("hostile uploads at " + HEAP + ": " + answers + "; heap after GC at most "
                + maxHeapAfterGc() + " MB");
        assertTrue(replica.isAlive(), () -> "the replica died: " + tail());
        assertEquals(List.of(), wrong, () -> answers + "\n" + tail());
        assertTrue(answers.values().stream().allMatch(l -> l.stream().anyMatch(x -> x != 503)),
                () -> "every sample got a real answer at least once: " + answers);
        int health = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
        assertEquals(200, health, "healthy after the corpus");
    }

    /** The largest heap occupancy after a collection in the replica's GC log ("…M->123M(384M)"). */
    private static long maxHeapAfterGc() throws IOException {
        var m = java.util.regex.Pattern.compile("->(\\d+)M\\(").matcher(Files.readString(gcLog));
        long max = 0;
        while (m.find()) {
            max = Math.max(max, Long.parseLong(m.group(1)));
        }
        return max;
    }

    private static String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
