package cn.mashang.notify;

import cn.mashang.Http;
import cn.mashang.common.ApiException;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox and the robot channels against a local HTTP server that records what it receives. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxTest implements TestPropertyProvider {
    static final String SECRET = "SECtest0123456789";
    static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    /** One request the fake robot server received. */
    record Received(String path, String query, String body) {
    }

    HttpServer server;
    final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    /** Scripted answers, consumed in order: an HTTP status, or a status:errcode pair; empty = 200 errcode 0. */
    final Deque<String> script = new ConcurrentLinkedDeque<>();

    @Inject
    Outbox outbox;
    @Inject
    OutboxSender sender;
    @Inject
    OutboxRepository rows;
    @Inject
    ObjectMapper json;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(), body));
            String step = script.poll();
            int status = step == null ? 200 : Integer.parseInt(step.split(":")[0]);
            String errcode = step != null && step.contains(":") ? step.split(":")[1] : "0";
            byte[] answer = ("{\"errcode\":" + errcode + ",\"errmsg\":\"" + (errcode.equals("0") ? "ok" : "refused, see https://x.test/?key=abc") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> p = new HashMap<>();
        p.put("notify.sender.enabled", "false");
        p.put("notify.sender.backoff-base", "0s");
        p.put("notify.sender.max-attempts", "3");
        p.put("notify.wecom.webhooks.ops", base + "/cgi-bin/webhook/send?key=wecom-secret-key");
        p.put("notify.dingtalk.webhooks.ops", base + "/robot/send?access_token=ding-token");
        p.put("notify.dingtalk.secrets.ops", SECRET);
        return p;
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    @BeforeEach
    void clean() {
        rows.deleteAll();
        received.clear();
        script.clear();
    }

    private static NotificationMessage msg(String title) {
        return new NotificationMessage(title, "**逾期**：请尽快处理");
    }

    private OutboxEntry only() {
        List<OutboxEntry> all = new ArrayList<>();
        rows.findAll().forEach(all::add);
        assertEquals(1, all.size());
        return all.get(0);
    }

    private Map<String, Object> body(Received r) throws IOException {
        return json.readValue(r.body(), MAP);
    }

    @Test
    void weComReceivesAMarkdownMessageAndTheRowIsSent() throws IOException {
        assertTrue(outbox.enqueue(Channel.WECOM, "ops", "sla.escalation", msg("联络站 A 有 2 件诉求超期"), null));
        assertEquals(1, sender.runOnce());
        assertEquals(1, received.size());
        Received r = received.get(0);
        assertEquals("/cgi-bin/webhook/send", r.path());
        assertEquals("key=wecom-secret-key", r.query());
        Map<String, Object> b = body(r);
        assertEquals("markdown", b.get("msgtype"));
        assertEquals(Map.of("content", "### 联络站 A 有 2 件诉求超期\n**逾期**：请尽快处理"), b.get("markdown"));
        OutboxEntry row = only();
        assertEquals(OutboxStatus.SENT, row.status());
        assertEquals(1, row.attempts());
        assertNotNull(row.sentAt());
    }

    @Test
    void dingTalkReceivesAMarkdownMessageOnASignedUrlThatVerifies() throws Exception {
        outbox.enqueue(Channel.DINGTALK, "ops", "sla.escalation", msg("超期提醒"), null);
        sender.runOnce();
        assertEquals(1, received.size());
        Received r = received.get(0);
        assertEquals("/robot/send", r.path());
        Map<String, String> q = new HashMap<>();
        for (String pair : r.query().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], kv[1]);
        }
        assertEquals("ding-token", q.get("access_token"));
        long timestamp = Long.parseLong(q.get("timestamp"));
        assertTrue(Math.abs(System.currentTimeMillis() - timestamp) < 60_000, "timestamp in milliseconds, now");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, URLDecoder.decode(q.get("sign"), StandardCharsets.UTF_8));
        Map<String, Object> b = body(r);
        assertEquals("markdown", b.get("msgtype"));
        assertEquals(Map.of("title", "超期提醒", "text", "### 超期提醒\n**逾期**：请尽快处理"), b.get("markdown"));
        assertEquals(OutboxStatus.SENT, only().status());
    }

    @Test
    void aServerErrorIsRetriedAndTheRowEndsSentAfterTwoAttempts() {
        script.add("500");
        outbox.enqueue(Channel.WECOM, "ops", "test", msg("retry"), null);
        sender.runOnce();
        OutboxEntry first = only();
        assertEquals(OutboxStatus.PENDING, first.status());
        assertEquals(1, first.attempts());
        assertEquals("HTTP 500", first.lastError());
        sender.runOnce();
        OutboxEntry second = only();
        assertEquals(OutboxStatus.SENT, second.status());
        assertEquals(2, second.attempts());
        assertEquals(2, received.size());
    }

    @Test
    void aRowThatAlwaysFailsEndsFailedAfterMaxAttempts() {
        for (int i = 0; i < 5; i++) {
            script.add("500");
        }
        outbox.enqueue(Channel.DINGTALK, "ops", "test", msg("always failing"), null);
        for (int i = 0; i < 5; i++) {
            sender.runOnce();
        }
        OutboxEntry row = only();
        assertEquals(OutboxStatus.FAILED, row.status());
        assertEquals(3, row.attempts());
        assertEquals(3, received.size(), "no attempt after the third");
    }

    @Test
    void aNonZeroErrcodeIsAFailureAndItsMessageIsScrubbed() {
        script.add("200:45009");
        outbox.enqueue(Channel.WECOM, "ops", "test", msg("rate limited"), null);
        sender.runOnce();
        OutboxEntry row = only();
        assertEquals(OutboxStatus.PENDING, row.status());
        assertTrue(row.lastError().startsWith("errcode 45009: refused"), row.lastError());
        assertFalse(row.lastError().contains("abc") || row.lastError().contains("https"), row.lastError());
    }

    @Test
    void anInvalidKeyAndAnUnknownWebhookFailAtOnce() {
        script.add("200:93000");
        outbox.enqueue(Channel.WECOM, "ops", "test", msg("bad key"), "k1");
        outbox.enqueue(Channel.WECOM, "nobody", "test", msg("unknown webhook"), "k2");
        sender.runOnce();
        List<OutboxEntry> all = new ArrayList<>();
        rows.findAll().forEach(all::add);
        Map<String, OutboxEntry> byKey = all.stream().collect(Collectors.toMap(OutboxEntry::dedupeKey, e -> e));
        assertEquals(OutboxStatus.FAILED, byKey.get("k1").status());
        assertEquals(1, byKey.get("k1").attempts());
        assertEquals(OutboxStatus.FAILED, byKey.get("k2").status());
        assertEquals("no WeCom webhook named nobody", byKey.get("k2").lastError());
        assertEquals(1, received.size());
    }

    @Test
    void theSameDedupeKeyIsEnqueuedOnceAndTheCallersTransactionGoesOn() {
        int inserted = tx.executeWrite(status -> {
            int n = 0;
            n += outbox.enqueue(Channel.LOG, "default", "sla.breach", msg("once"), "concern:42:breach:RESOLUTION") ? 1 : 0;
            n += outbox.enqueue(Channel.LOG, "default", "sla.breach", msg("twice"), "concern:42:breach:RESOLUTION") ? 1 : 0;
            n += outbox.enqueue(Channel.LOG, "default", "other", msg("no key"), null) ? 1 : 0;
            return n;
        });
        assertEquals(2, inserted);
        assertEquals(2, rows.count());
        assertFalse(outbox.enqueue(Channel.LOG, "default", "sla.breach", msg("later"), "concern:42:breach:RESOLUTION"));
        assertEquals(2, rows.count());
    }

    @Test
    void anEnqueueRollsBackWithTheCallersTransaction() {
        assertThrows(IllegalStateException.class, () -> tx.executeWrite(status -> {
            outbox.enqueue(Channel.LOG, "default", "test", msg("rolled back"), "rollback-key");
            throw new IllegalStateException("the feature failed");
        }));
        assertEquals(0, rows.count());
        assertTrue(outbox.enqueue(Channel.LOG, "default", "test", msg("again"), "rollback-key"));
    }

    @Test
    void theDefaultChannelIsTheLogAndDeliversWithoutHttp() {
        outbox.enqueue("test", msg("to the log"), null);
        sender.runOnce();
        OutboxEntry row = only();
        assertEquals(Channel.LOG, row.channel());
        assertEquals(OutboxStatus.SENT, row.status());
        assertTrue(received.isEmpty());
    }

    @Test
    void twoSendersRunningAtOnceDeliverEachRowExactlyOnce() throws Exception {
        int n = 40;
        for (int i = 0; i < n; i++) {
            outbox.enqueue(Channel.WECOM, "ops", "test", msg("row-" + i), null);
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return sender.runOnce();
                }));
            }
            go.countDown();
            int claimed = runs.get(0).get() + runs.get(1).get();
            assertEquals(n, claimed);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(n, received.size());
        assertEquals(n, received.stream().map(Received::body).distinct().count(), "each row once");
        List<OutboxEntry> all = new ArrayList<>();
        rows.findAll().forEach(all::add);
        assertTrue(all.stream().allMatch(e -> e.status() == OutboxStatus.SENT && e.attempts() == 1), all::toString);
    }

    @Test
    void aClaimIsWonByOneClaimantOnly() {
        outbox.enqueue(Channel.LOG, "default", "test", msg("one"), null);
        long id = only().id();
        Instant now = Instant.now().plusSeconds(1);
        assertEquals(1, rows.claim(id, "a", now.plusSeconds(60), now, 3));
        assertEquals(0, rows.claim(id, "b", now.plusSeconds(60), now, 3));
        assertEquals(0, rows.markSent(id, "b", now), "only the claimant writes the result");
    }

    @Test
    void aSendingRowWhoseLeaseExpiredIsDeliveredAgain() {
        outbox.enqueue(Channel.WECOM, "ops", "test", msg("crashed sender"), null);
        long id = only().id();
        Instant past = Instant.now().minusSeconds(600);
        assertEquals(1, rows.claim(id, "dead-replica", past, Instant.now(), 3));  // lease already over
        sender.runOnce();
        OutboxEntry row = only();
        assertEquals(OutboxStatus.SENT, row.status());
        assertEquals(2, row.attempts());
        assertEquals(1, received.size());
    }

    @Test
    void aFailedRowCanBeRetriedByAnAdmin() {
        outbox.enqueue(Channel.WECOM, "nobody", "test", msg("unknown webhook"), null);
        sender.runOnce();
        long id = only().id();
        assertEquals(1, outbox.list(OutboxStatus.FAILED, Pageable.from(0, 20)).total());
        NotificationView v = outbox.retry(id);
        assertEquals(OutboxStatus.PENDING, v.status());
        assertEquals(0, v.attempts());
        assertEquals(0, outbox.list(OutboxStatus.FAILED, Pageable.from(0, 20)).total());
        ApiException notFailed = assertThrows(ApiException.class, () -> outbox.retry(id));
        assertEquals(409, notFailed.status().getCode());
        assertEquals(404, assertThrows(ApiException.class, () -> outbox.retry(id + 1000)).status().getCode());
    }

    @Test
    void adminNotificationEndpointsAnswer401WithoutAToken() {
        Http.problem(http.toBlocking(), HttpRequest.GET("/api/v1/admin/notifications?status=FAILED"), 401);
        Http.problem(http.toBlocking(), HttpRequest.POST("/api/v1/admin/notifications/1/retry", ""), 401);
    }

    /**
     * Region scope of the admin outbox (issue 16): each admin lists and retries only the rows about stations of its
     * region; rows about no station (deployment-wide) only the top-level admin.
     */
    @Test
    void anAdminListsAndRetriesOnlyTheNotificationsOfItsOwnRegion() {
        var client = http.toBlocking();
        Map<String, Long> station = new HashMap<>();
        for (String name : List.of(cn.mashang.auth.DemoIds.SHUITOU, cn.mashang.auth.DemoIds.HEPING)) {
            station.put(name, tx.executeRead(st -> {
                try (var ps = st.getConnection().prepareStatement("SELECT id FROM station WHERE name = ?")) {
                    ps.setString(1, name);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        outbox.enqueue(Channel.WECOM, "nobody", "test", msg("水头"), null, station.get(cn.mashang.auth.DemoIds.SHUITOU));
        outbox.enqueue(Channel.WECOM, "nobody", "test", msg("和平"), null, station.get(cn.mashang.auth.DemoIds.HEPING));
        outbox.enqueue(Channel.WECOM, "nobody", "test", msg("全市"), null);
        sender.runOnce();
        Map<String, Long> ids = new HashMap<>();
        rows.findAll().forEach(r -> ids.put(r.payload().contains("水头") ? "水头" : r.payload().contains("和平") ? "和平"
                : "全市", r.id()));
        Map<String, List<String>> seen = new HashMap<>();
        for (String admin : List.of("shanxi-admin", "lvliang-admin", "jiaokou-admin", "lishi-admin")) {
            String token = cn.mashang.auth.Logins.token(client, admin);
            var page = client.retrieve(HttpRequest.GET("/api/v1/admin/notifications?status=FAILED").bearerAuth(token), MAP);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            seen.put(admin, items.stream().map(i -> ids.entrySet().stream()
                    .filter(e -> e.getValue() == ((Number) i.get("id")).longValue()).findFirst().orElseThrow().getKey())
                    .sorted().toList());
        }
        // notifications without a station belong to the root of the tree: the province
        assertEquals(Map.of("shanxi-admin", List.of("全市", "和平", "水头"), "lvliang-admin", List.of("和平", "水头"),
                "jiaokou-admin", List.of("水头"),
                "lishi-admin", List.of("和平")), seen);
        String lishi = cn.mashang.auth.Logins.token(client, "lishi-admin");
        for (String foreign : List.of("水头", "全市")) {
            Http.problem(client, HttpRequest.POST("/api/v1/admin/notifications/" + ids.get(foreign) + "/retry", "")
                    .bearerAuth(lishi), 404);
        }
        assertEquals(200, client.exchange(HttpRequest.POST("/api/v1/admin/notifications/" + ids.get("和平") + "/retry", "")
                .bearerAuth(lishi), String.class).code());
    }
}
