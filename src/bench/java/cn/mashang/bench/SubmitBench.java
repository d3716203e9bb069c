package cn.mashang.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Submission throughput of POST /api/v1/concerns, measured over real HTTP against the embedded server: N
 * submissions with distinct Idempotency-Keys, devices and addresses from T client threads (rate limits raised).
 * Prints submissions/s and latency percentiles. A main class, not a test: it never runs in {@code mvn test}.
 *
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) cn.mashang.bench.SubmitBench 3000 8          # H2
 * TEST_DB_URL='jdbc:mysql://127.0.0.1:3306/…' java -Dbench.db=mariadb -cp … cn.mashang.bench.SubmitBench 3000 8
 * </pre>
 */
public final class SubmitBench {
    private SubmitBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String db = System.getProperty("bench.db", "h2");
        Map<String, Object> props = Map.of(
                "intake.device-submit-limit", 1_000_000, "intake.address-submit-limit", 1_000_000,
                "micronaut.server.port", -1, "storage.dir", "target/bench-storage");
        try (ApplicationContext ctx = ApplicationContext.builder().environments("test", db).properties(props).start()) {
            EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
            URI uri = URI.create("http://127.0.0.1:" + server.getPort() + "/api/v1/concerns");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            run(client, uri, Math.min(500, n / 4), threads);          // warm-up
            long[] latencies = run(client, uri, n, threads);
            server.stop();
            System.out.println(latencies.length > 0 ? "" : "no results");
        }
    }

    private static long[] run(HttpClient client, URI uri, int n, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(n));
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    String body = "{\"code\":\"zhanb22222\",\"category\":\"生活环境\",\"content\":\"压测第" + i + "件："
                            + UUID.randomUUID() + " 小区路灯不亮\",\"contactName\":\"张三\",\"mobile\":\"138"
                            + String.format("%08d", i) + "\",\"consent\":true}";
                    HttpRequest req = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .header("X-Forwarded-For", "10." + (i / 65536 % 256) + "." + (i / 256 % 256) + "." + (i % 256))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%d submissions, %d threads, %d non-201: %.0f submissions/s, p50 %.1f ms, p95 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n", n, threads, failures.get(), n / (elapsed / 1e9),
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
        return sorted;
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
