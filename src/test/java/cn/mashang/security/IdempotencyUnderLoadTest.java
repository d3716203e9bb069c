package cn.mashang.security;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.MutableHttpRequest;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        Map<String, Object> body = Map.of("code", "zhanb22222", "category", "生活环境", "content", content);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<Map<String, Object>>>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                // each thread its own request: a client request (and its body) is not shared between sends
                return client.exchange(submit(body, key, "10.44.0.1", null), MAP);
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

        var replay = client.exchange(submit(body, key, "10.44.0.1", null), MAP);
        assertEquals(201, replay.code());
        assertEquals("true", replay.getHeaders().get("Idempotent-Replayed"));
        assertEquals(answers.get(0).get("trackingNo"), replay.body().get("trackingNo"));
        assertEquals(answers.get(0).get("trackingUrl"), replay.body().get("trackingUrl"));
        assertEquals(answers.get(0).get("key"), replay.body().get("key"));
    }

    /**
     * Replays are no oracle (issue 16): the same key and body from another device, or — when the first came
     * without a token — from another address, answer what a different body answers (422, no tracking data); the
     * sender itself, and the device the first answer gave a token to, get the original.
     */
    @Test
    void aReplayedKeyAndBodyAnswerTheOriginalOnlyToItsOwnSender() {
        BlockingHttpClient client = http.toBlocking();
        String mine = (String) client.retrieve(HttpRequest.GET("/api/v1/my/token"), MAP).get("residentToken");
        String theirs = (String) client.retrieve(HttpRequest.GET("/api/v1/my/token"), MAP).get("residentToken");
        String key = "replay-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("code", "zhanb22222", "category", "生活环境",
                "content", "重放测试：小区门口的井盖松动了 " + key);
        var first = client.exchange(submit(body, key, "10.44.1.1", mine), MAP);
        assertEquals(201, first.code());
        for (var stranger : List.of(submit(body, key, "10.44.1.1", theirs), submit(body, key, "10.44.1.2", null))) {
            var e = assertThrows(HttpClientResponseException.class, () -> client.exchange(stranger, MAP, MAP));
            assertEquals(422, e.getStatus().getCode());
            String answer = e.getResponse().getBody(String.class).orElse("");
            assertFalse(answer.contains((String) first.body().get("trackingNo")) || answer.contains("residentToken"),
                    answer);
        }
        var own = client.exchange(submit(body, key, "10.44.9.9", mine), MAP);
        assertEquals(first.body(), own.body(), "the device itself, from anywhere");

        String key2 = "replay-" + UUID.randomUUID();
        Map<String, Object> body2 = Map.of("code", "zhanb22222", "category", "生活环境",
                "content", "重放测试：没有令牌的第一次提交 " + key2);
        var tokenless = client.exchange(submit(body2, key2, "10.44.2.1", null), MAP);
        String issued = (String) tokenless.body().get("residentToken");
        assertEquals(422, assertThrows(HttpClientResponseException.class,
                () -> client.exchange(submit(body2, key2, "10.44.2.2", null), MAP, MAP)).getStatus().getCode());
        assertEquals(tokenless.body(), client.exchange(submit(body2, key2, "10.44.2.1", null), MAP).body(),
                "the same address: the retry of a lost answer");
        assertEquals(tokenless.body(), client.exchange(submit(body2, key2, "10.44.3.3", issued), MAP).body(),
                "the device the first answer gave its token to");
    }

    private static MutableHttpRequest<?> submit(Map<String, Object> body, String key, String address, String token) {
        var r = HttpRequest.POST("/api/v1/concerns", body).header("Idempotency-Key", key)
                .header("X-Forwarded-For", address);
        return token == null ? r : r.header("X-Resident-Token", token);
    }
}
