package cn.mashang.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shared parts of the fault drills: the local MariaDB (host/port/user from -Ddrill.db.host etc.), drill
 * databases, a submission load from a few client threads that keeps a ledger of every 201, and the final
 * count of each acknowledged tracking number in the database.
 */
final class DrillSupport {
    static final String DB_HOST = System.getProperty("drill.db.host", "127.0.0.1");
    static final int DB_PORT = Integer.getInteger("drill.db.port", 3306);
    static final String DB_USER = System.getProperty("drill.db.user", "root");
    static final String DB_PASSWORD = System.getProperty("drill.db.password", "");
    static final String PARAMS = "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&characterEncoding=utf8"
            + "&allowPublicKeyRetrieval=true&useSSL=false";
    /** The regional demo station's wall code (交口县水头片区). */
    static final String CODE = "zhanb22222";
    private static final Pattern TRACKING = Pattern.compile("\"trackingNo\"\\s*:\\s*\"([^\"]+)\"");

    private DrillSupport() {
    }

    static String url(String host, int port, String db) {
        return "jdbc:mysql://" + host + ":" + port + "/" + db + "?" + PARAMS;
    }

    static void recreateDatabase(String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(DB_HOST, DB_PORT, ""), DB_USER, DB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    static void dropDatabase(String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(DB_HOST, DB_PORT, ""), DB_USER, DB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
        }
    }

    /** How many rows each acknowledged tracking number has in the database (directly, not through any proxy). */
    static Map<String, Integer> rowsPerTrackingNo(String db, Collection<String> numbers) throws SQLException {
        Map<String, Integer> found = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url(DB_HOST, DB_PORT, db), DB_USER, DB_PASSWORD);
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM concern WHERE tracking_no = ?")) {
            for (String n : numbers) {
                ps.setString(1, n);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    found.put(n, rs.getInt(1));
                }
            }
        }
        return found;
    }

    /** One client's answer: status (0 = no HTTP answer), time taken, the body. */
    record Answer(int status, long millis, String body, long at) {
    }

    /** A steady submission load: each request a new resident concern with its own Idempotency-Key. */
    static final class Load {
        final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        final Map<String, String> ledger = new ConcurrentHashMap<>();   // trackingNo → idempotency key
        final AtomicInteger sent = new AtomicInteger();
        final AtomicLong first201AfterMark = new AtomicLong();
        volatile long mark;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final String base;
        private final Duration timeout;
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean running = true;

        Load(String base, int clients, Duration timeout, long pauseMillis) {
            this.base = base;
            this.timeout = timeout;
            for (int i = 0; i < clients; i++) {
                int client = i;
                threads.add(Thread.ofPlatform().name("load-" + i).start(() -> run(client, pauseMillis)));
            }
        }

        private void run(int client, long pauseMillis) {
            int n = 0;
            while (running) {
                n++;
                String key = "drill-" + UUID.randomUUID();
                String body = "{\"code\":\"" + CODE + "\",\"category\":\"生活环境\",\"content\":\"演练提交 " + client + "-" + n
                        + " " + key + "\"}";
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/concerns"))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .header("X-Forwarded-For", "10.9." + client + "." + (n % 250 + 1))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                long start = System.nanoTime();
                sent.incrementAndGet();
                Answer a;
                try {
                    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    a = new Answer(r.statusCode(), (System.nanoTime() - start) / 1_000_000, r.body(), System.nanoTime());
                } catch (IOException | InterruptedException e) {
                    a = new Answer(0, (System.nanoTime() - start) / 1_000_000, e.getClass().getSimpleName(), System.nanoTime());
                }
                answers.add(a);
                if (a.status() == 201) {
                    Matcher m = TRACKING.matcher(a.body());
                    if (m.find()) {
                        ledger.put(m.group(1), key);
                    }
                    if (mark > 0 && a.at() > mark) {
                        first201AfterMark.compareAndSet(0, a.at());
                    }
                }
                if (a.status() != 201 && pauseMillis > 0) {
                    sleep(pauseMillis);
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread t : threads) {
                t.join(60_000);
            }
        }

        long count(java.util.function.Predicate<Answer> p) {
            return answers.stream().filter(p).count();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void report(String name, String text) throws IOException {
        System.out.println(text);
        Path dir = Path.of("target", "drill-reports");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
    }
}
