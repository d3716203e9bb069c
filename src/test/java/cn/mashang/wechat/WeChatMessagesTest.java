package cn.mashang.wechat;

import cn.mashang.Db;
import cn.mashang.Http;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.notify.Channel;
import cn.mashang.notify.Outbox;
import cn.mashang.notify.OutboxSender;
import cn.mashang.resident.message.Recipient;
import cn.mashang.resident.message.ResidentLinks;
import cn.mashang.resident.message.ResidentMessages;
import cn.mashang.resident.message.ResidentNotice;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 一次性订阅消息: the consent per concern, and the outbox channel WECHAT against the local WeChat. */
@MicronautTest(transactional = false)
class WeChatMessagesTest extends WeChatTestBase {
    @Inject
    WeChatResidentChannel channel;
    @Inject
    ConcernRepository concerns;
    @Inject
    OutboxSender sender;
    @Inject
    Outbox outbox;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    ResidentMessages messages;
    @Inject
    ResidentLinks links;
    int events;

    String token;
    String openid;
    Concern concern;

    @BeforeEach
    void residentSignedInWithAConcern() {
        wechat.sent.clear();
        wechat.sendScript.clear();
        token = newToken();
        openid = openid();
        concern = concerns.findByTrackingNo((String) submit(token).get("trackingNo")).orElseThrow();
        signIn(token, openid);
    }

    private String status() {
        return Db.text(tx, "SELECT status FROM notification_outbox WHERE channel = 'WECHAT' AND target = ?",
                Recipient.concern(concern.id()).ref());
    }

    private String column(String name) {
        return Db.text(tx, "SELECT " + name + " FROM notification_outbox WHERE channel = 'WECHAT' AND target = ?",
                Recipient.concern(concern.id()).ref());
    }

    /** A reply's message, queued the one way every resident message is (ResidentMessages, as ConcernMessages does). */
    private boolean enqueue() {
        return messages.send(Recipient.concern(concern.id()), "concern.replied", notice(),
                "concern:test-" + (++events), concern.stationId()) == 1;
    }

    private ResidentNotice notice() {
        return new ResidentNotice("反映", concern.trackingNo(), "已答复", links.concern(concern.trackingNo()));
    }

    @Test
    void aConfirmedSubscriptionSendsOneMessageWithTheTrackingNumberTheNewStateAndTheLink() throws IOException {
        assertEquals(Map.of("messagesLeft", 1), subscribe(token, concern.trackingNo(), openid, "confirm"));
        assertTrue(enqueue());
        sender.runOnce();
        assertEquals("SENT", status());
        assertEquals(1, wechat.sent.size());
        Map<String, Object> body = json.readValue(wechat.sent.get(0), Http.MAP);
        assertEquals(openid, body.get("touser"));
        assertEquals(FakeWeChat.TEMPLATE, body.get("template_id"));
        String url = (String) body.get("url");
        assertTrue(url.startsWith("http://localhost:8080/t/" + concern.trackingNo() + "#k=m1."), url);
        assertEquals(String.valueOf(WeChatSubscriptions.SCENE), body.get("scene"));
        assertEquals("反映有新进展", body.get("title"));
        String content = (String) Http.map(Http.map(body.get("data")).get("content")).get("value");
        assertEquals("编号 " + concern.trackingNo() + " 的反映已答复，点击查看详情", content);
        assertFalse(wechat.sent.get(0).contains("路灯"), "no content of the concern");
        // one consent, one message
        assertEquals(0, call(HttpRequest.GET("/api/v1/wechat/status?trackingNo=" + concern.trackingNo()), token).get("messagesLeft"));
        assertFalse(enqueue());
    }

    @Test
    void aCancelledConfirmationRecordsNoConsentAndNothingIsQueued() {
        assertEquals(Map.of("messagesLeft", 0), subscribe(token, concern.trackingNo(), openid, "cancel"));
        assertFalse(enqueue());
        assertEquals(null, status());
    }

    @Test
    void aConsentReturnedWithAnotherWeChatsOpenidIsRefusedWith400() {
        String url = (String) call(HttpRequest.POST("/api/v1/wechat/subscriptions/start",
                Map.of("trackingNo", concern.trackingNo(), "returnPath", "/my")), token).get("authorizeUrl");
        Map<String, String> back = wechatReturns(url, openid(), "confirm");
        Http.problem(http.toBlocking(), HttpRequest.POST("/api/v1/wechat/subscriptions/confirm", Map.of(
                "trackingNo", concern.trackingNo(), "openid", back.get("openid"), "templateId", back.get("template_id"),
                "action", "confirm", "scene", 1000, "reserved", back.get("reserved"))).header("X-Resident-Token", token), 400);
        assertFalse(channel.subscribed(concern.id()));
    }

    @Test
    void anotherDeviceCannotSubscribeToAConcernItCannotOpen() {
        String stranger = newToken();
        signIn(stranger, openid());
        Http.problem(http.toBlocking(), HttpRequest.POST("/api/v1/wechat/subscriptions/start",
                Map.of("trackingNo", concern.trackingNo(), "returnPath", "/my")).header("X-Resident-Token", stranger), 404);
    }

    @Test
    void aRevokedAccessTokenIsRefreshedByWxJavaAndTheMessageStillGoesOut() {
        subscribe(token, concern.trackingNo(), openid, "confirm");
        enqueue();
        sender.runOnce();   // fetches a first token
        assertEquals("SENT", status());
        Db.sql(tx, "DELETE FROM notification_outbox WHERE channel = 'WECHAT'");
        subscribe(token, concern.trackingNo(), openid, "confirm");
        enqueue();
        int issued = wechat.tokensIssued.get();
        wechat.revokeTokens();
        sender.runOnce();
        assertEquals("SENT", status());
        assertEquals("1", column("attempts"));
        assertEquals(issued + 1, wechat.tokensIssued.get());
        assertEquals(2, wechat.sent.size());
    }

    @Test
    void errcode43101TheResidentRefusedIsNotRetriedAndTheRowFailsWithTheReason() {
        subscribe(token, concern.trackingNo(), openid, "confirm");
        enqueue();
        wechat.sendScript.add(43101);
        sender.runOnce();
        assertEquals("FAILED", status());
        assertEquals("1", column("attempts"));
        assertEquals("微信 errcode 43101：居民拒收或未订阅", column("last_error"));
        assertFalse(channel.subscribed(concern.id()));
    }

    @Test
    void errcode45009TheQuotaIsTransientTheRowIsRetriedAndTheConsentKept() {
        subscribe(token, concern.trackingNo(), openid, "confirm");
        enqueue();
        wechat.sendScript.add(45009);
        sender.runOnce();
        assertEquals("PENDING", status());
        assertEquals("微信 errcode 45009：接口调用超过限额", column("last_error"));
        assertTrue(channel.subscribed(concern.id()));
        sender.runOnce();
        assertEquals("SENT", status());
        assertEquals("2", column("attempts"));
        assertEquals(2, wechat.sent.size());
    }

    @Test
    void aMessageWithoutAConsentFailsAtOnce() {
        outbox.enqueue(Channel.WECHAT, Recipient.concern(concern.id()).ref(), "resident.answered",
                notice().message(), null);
        sender.runOnce();
        assertEquals("FAILED", status());
        assertEquals("居民没有可用的微信订阅", column("last_error"));
        assertEquals(0, wechat.sent.size());
    }
}
