package cn.mashang.security;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.mashang.Http.MAP;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same submission ten times at once creates exactly one concern; later replays answer the original answer. */
@MicronautTest(transactional = false)
class IdempotencyUnderLoadTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    JdbcOperations jdbc;

    @Test
    void tenIdenticalSubmissionsAtOnceMakeOneConcernAndReplaysAnswerTheOriginal() throws Exception {
        BlockingHttpClient client = http.toBlocking();
        String key = "ten-" + UUID.randomUUID();
        String content = "十次并发提交：楼道灯坏了 " + key;
        var request = HttpRequest.POST("/api/v1/concerns",
                        Map.of("code", "zhanb22222", "category", "生活环境", "content", content))
                .header("Idempotency-Key", key).header("X-Forwarded-For", "10.44.0.1");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<Map<String, Object>>>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return client.exchange(request, MAP);
            }));
        }
        start.countDown();
        List<Map<String, Object>> answers = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        for (var f : futures) {
            var r = f.get();
            statuses.add(r.code());
            answers.add(r.body());
        }
        pool.shutdown();
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201, 201, 201), statuses);
        assertEquals(1, answers.stream().map(a -> a.get("trackingNo")).distinct().count(), answers::toString);
        assertEquals(1, answers.stream().map(a -> a.get("key")).distinct().count(), "one tracking secret");
        long rows = tx.executeRead(s -> jdbc.prepareStatement("SELECT COUNT(*) FROM concern WHERE content = ?", ps -> {
            ps.setString(1, content);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
        assertEquals(1, rows);

        var replay = client.exchange(request, MAP);
        assertEquals(201, replay.code());
        assertEquals("true", replay.getHeaders().get("Idempotent-Replayed"));
        assertEquals(answers.get(0).get("trackingNo"), replay.body().get("trackingNo"));
        assertEquals(answers.get(0).get("trackingUrl"), replay.body().get("trackingUrl"));
        assertEquals(answers.get(0).get("key"), replay.body().get("key"));
    }
}
