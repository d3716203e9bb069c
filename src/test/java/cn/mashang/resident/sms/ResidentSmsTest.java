package cn.mashang.resident.sms;

import cn.mashang.Db;
import cn.mashang.auth.Logins;
import cn.mashang.concern.Intake;
import cn.mashang.notify.OutboxSender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress messages by SMS, against a local Alibaba Cloud SMS endpoint that checks the SDK's signatures. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentSmsTest implements TestPropertyProvider {
    static final LocalAliyunSms SMS = LocalAliyunSms.start();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    OutboxSender sender;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(SMS.properties());
        p.put("notify.sender.enabled", "false");
        return p;
    }

    @AfterAll
    void stop() {
        SMS.close();
    }

    /** Submits with "有进展时通知我" from {@code mobile}; answers the concern id. */
    long optedIn(String mobile) {
        Map<String, Object> body = Intake.withContact(Intake.body(Intake.STATION_CODE, "小区北门的路灯坏了，晚上看不清路面，希望修好。" + System.nanoTime()));
        body.put("mobile", mobile);
        body.put("notifyMe", true);
        Map<String, Object> a = Intake.submit(http.toBlocking(), body);
        return Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", a.get("trackingNo"));
    }

    void accept(long id) {
        BlockingHttpClient c = http.toBlocking();
        c.exchange(HttpRequest.POST("/api/v1/concerns/" + id + "/actions/accept",
                        Map.of("version", Db.count(tx, "SELECT version FROM concern WHERE id = ?", id)))
                .bearerAuth(Logins.token(c, "head-qjny")));
    }

    String outbox(long concernId, String column) {
        return Db.text(tx, "SELECT " + column + " FROM notification_outbox WHERE channel = 'SMS' AND target = ? ORDER BY id DESC",
                "concern:" + concernId);
    }

    @Test
    void anAcceptedConcernOfAnOptedInResidentReachesTheProviderSignedWithNumberStateAndLinkOnly() {
        long id = optedIn("13900001001");
        accept(id);
        sender.runOnce();
        List<LocalAliyunSms.Sent> got = SMS.sentTo("13900001001");
        assertEquals(1, got.size(), "rejected: " + SMS.rejected());
        String no = Db.text(tx, "SELECT tracking_no FROM concern WHERE id = ?", id);
        assertEquals(LocalAliyunSms.SIGN, got.get(0).signName());
        assertEquals(LocalAliyunSms.TEMPLATE, got.get(0).templateCode());
        assertEquals(Map.of("no", no, "state", "已受理", "link", got.get(0).params().get("link")), got.get(0).params());
        assertTrue(got.get(0).params().get("link").contains("/t/" + no + "#k=m1."), got.get(0).params().get("link"));
        assertEquals("SENT", outbox(id, "status"));
        assertFalse(outbox(id, "payload").contains("13900001001"), "no mobile in the outbox");
        assertFalse(outbox(id, "payload").contains("路灯"), "no content in the message");
    }

    @Test
    void theLinkInTheMessageOpensTheConcernOnAnotherPhone() {
        long id = optedIn("13900001002");
        accept(id);
        sender.runOnce();
        String link = SMS.sentTo("13900001002").get(0).params().get("link");
        String no = Db.text(tx, "SELECT tracking_no FROM concern WHERE id = ?", id);
        String key = link.substring(link.indexOf("#k=") + 3);
        Map<?, ?> view = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/track/" + no).header("X-Tracking-Key", key), Map.class);
        assertEquals("ACCEPTED", view.get("state"));
    }

    @Test
    void aThrottledSendIsRetriedWithBackoffAndThenSent() {
        long id = optedIn("13900001003");
        SMS.failNext("isv.BUSINESS_LIMIT_CONTROL");
        accept(id);
        sender.runOnce();
        assertEquals("PENDING", outbox(id, "status"));
        assertTrue(outbox(id, "last_error").contains("isv.BUSINESS_LIMIT_CONTROL"), outbox(id, "last_error"));
        assertTrue(Db.count(tx, "SELECT COUNT(*) FROM notification_outbox WHERE target = ? AND next_attempt_at > CURRENT_TIMESTAMP",
                "concern:" + id) == 1, "the retry waits for the backoff");
        Db.sql(tx, "UPDATE notification_outbox SET next_attempt_at = next_attempt_at - INTERVAL '1' DAY WHERE target = ?", "concern:" + id);
        sender.runOnce();
        assertEquals("SENT", outbox(id, "status"));
        assertEquals(1, SMS.sentTo("13900001003").size());
    }

    @Test
    void anInvalidNumberFailsAtOnceWithTheProvidersReason() {
        long id = optedIn("13900001004");
        SMS.failNext("isv.MOBILE_NUMBER_ILLEGAL");
        accept(id);
        sender.runOnce();
        assertEquals("FAILED", outbox(id, "status"));
        assertEquals("1", outbox(id, "attempts"));
        assertTrue(outbox(id, "last_error").startsWith("短信 isv.MOBILE_NUMBER_ILLEGAL"), outbox(id, "last_error"));
    }

    @Test
    void aTemplateNotApprovedFailsAtOnceAndAdminsSeeIt() {
        long id = optedIn("13900001005");
        SMS.failNext("isv.SMS_TEMPLATE_ILLEGAL");
        accept(id);
        sender.runOnce();
        assertEquals("FAILED", outbox(id, "status"));
        BlockingHttpClient c = http.toBlocking();
        String list = c.retrieve(HttpRequest.GET("/api/v1/admin/notifications?status=FAILED&size=100")
                .bearerAuth(Logins.token(c, "lvliang-admin")));
        assertTrue(list.contains("concern:" + id) && list.contains("isv.SMS_TEMPLATE_ILLEGAL"), list);
        assertFalse(list.contains("13900001005"));
    }

    @Test
    void aRevokedOptInQueuesNothingMore() {
        long id = optedIn("13900001006");
        Db.sql(tx, "UPDATE resident_subscription SET active = FALSE WHERE concern_id = ?", id);
        accept(id);
        sender.runOnce();
        assertEquals(0, Db.count(tx, "SELECT COUNT(*) FROM notification_outbox WHERE target = ?", "concern:" + id));
        assertEquals(0, SMS.sentTo("13900001006").size());
    }

    @Test
    void theLocalProviderRefusesACallWhoseSignatureDoesNotMatch() throws Exception {
        var req = java.net.http.HttpRequest.newBuilder(URI.create("http://" + SMS.endpoint()
                        + "/?PhoneNumbers=13900001007&SignName=x&TemplateCode=SMS_1&TemplateParam=%7B%7D"))
                .header("x-acs-action", "SendSms").header("x-acs-version", "2017-05-25")
                .header("x-acs-date", java.time.Instant.now().toString().replaceAll("\\.\\d+", ""))
                .header("x-acs-signature-nonce", "n1")
                .header("x-acs-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
                .header("Authorization", "ACS3-HMAC-SHA256 Credential=" + LocalAliyunSms.KEY_ID
                        + ",SignedHeaders=host;x-acs-date,Signature=" + "0".repeat(64))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        var answer = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("SignatureDoesNotMatch"));
    }
}
