package cn.mashang.e2e;

import cn.mashang.Db;
import cn.mashang.Http;
import cn.mashang.notify.OutboxSender;
import cn.mashang.auth.Logins;
import cn.mashang.wechat.FakeWeChat;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19 inside WeChat's browser, against the local WeChat ({@link FakeWeChat}: WxJava's hosts point at it): the
 * resident scans a station code and the page signs in silently (snsapi_base: WeChat's authorize page sends the
 * browser back with a code, the device is bound to the openid) and configures the JS-SDK with a signature this test
 * recomputes; the resident submits, subscribes twice on the tracking page (one-time consents), the deputy accepts
 * and replies through the API and WeChat receives both messages for that openid with the tracking number and the
 * link; a second phone on the same WeChat opens 我的反映 and sees the concern — and its answer — without the link.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeChatJourneyIT implements TestPropertyProvider {
    static final String STATION_CODE = "zhan222222";
    static final String DEPUTY = "13800000001";
    static final String OPENID = "oFakeJourney0123456789abcdefg";
    static final FakeWeChat WECHAT = new FakeWeChat();
    static final int PORT = freePort();
    static final String SITE = "http://localhost:" + PORT;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    OutboxSender sender;
    @Inject
    ObjectMapper json;
    PhoneBrowser browser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(WECHAT.properties());
        p.put("wechat.jssdk-url", WECHAT.base() + FakeWeChat.JSSDK_PATH);
        // WeChat sends the browser back to the public base URL, so it is this server's own address
        p.put("micronaut.server.port", String.valueOf(PORT));
        p.put("app.public-base-url", SITE);
        return p;
    }

    @BeforeAll
    void start() {
        browser = new PhoneBrowser("wechat");
    }

    @AfterAll
    void stop() {
        browser.close();
        WECHAT.server.stop(0);
    }

    /** A phone in WeChat signed into the resident's WeChat account (the local WeChat reads it from a header). */
    BrowserContext phoneOfTheResident() {
        BrowserContext phone = browser.phone();
        phone.setExtraHTTPHeaders(Map.of("X-Fake-User", OPENID, "X-Fake-Action", "confirm"));
        return phone;
    }

    @Test
    void aResidentInWeChatIsSignedInSilentlySubscribesHearsTheAnswerOnWeChatAndFindsTheConcernOnASecondPhone() throws IOException {
        String trackingNo;
        try (BrowserContext phone = phoneOfTheResident()) {
            Page page = phone.newPage();
            page.navigate(SITE + "/s/" + STATION_CODE);
            // snsapi_base: out to WeChat's authorize page and back with ?code=&state=, bound, the address cleaned
            page.waitForFunction("() => window.__wxConfig !== undefined");
            assertEquals(SITE + "/s/" + STATION_CODE, page.url());
            String token = (String) page.evaluate("() => localStorage.getItem('residentToken')");
            assertEquals(true, status(token).get("bound"));
            assertJsSdkSignature(page);
            browser.screenshot(page, "signed-in-code-page");

            page.locator("#act").click();
            page.waitForURL("**/c/new?code=" + STATION_CODE);
            page.locator(".choices label", new Page.LocatorOptions().setHasText("基础设施")).click();
            page.locator("#content").fill("胜溪湖小区东门的路灯坏了一个月，晚上出入看不清台阶。");
            page.locator("#submit").click();
            assertThat(page.getByText("提交成功")).isVisible();
            trackingNo = page.locator(".tracking-no").innerText().trim();

            page.getByText("查看办理进度").click();
            page.waitForURL("**/t/" + trackingNo + "#k=*");
            int consents = 0;
            for (String button : List.of("有进展时微信通知我", "已订阅微信通知（再次订阅）")) {
                // WeChat's confirmation page answers ?openid=&template_id=&action=confirm&scene=&reserved= at once
                page.waitForResponse(r -> r.url().endsWith("/api/v1/wechat/subscriptions/confirm") && r.status() == 200,
                        () -> page.locator("#wechat-slot button", new Page.LocatorOptions().setHasText(button)).click());
                assertThat(page.locator("#wechat-slot button")).hasText("已订阅微信通知（再次订阅）");
                assertEquals(SITE + "/t/" + trackingNo, page.url(), "WeChat's parameters are removed from the address");
                assertEquals(++consents, status(token, trackingNo).get("messagesLeft"));
            }
            browser.screenshot(page, "subscribed-twice");
            PhoneBrowser.assertTapTargets(page);
        }

        BlockingHttpClient client = http.toBlocking();
        long id = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", trackingNo);
        String deputy = Logins.token(client, DEPUTY);
        ResidentMessagesJourneyIT.act(client, deputy, id, "accept", Map.of());
        ResidentMessagesJourneyIT.act(client, deputy, id, "reply", Map.of("text", "已报修，路灯本周五前修好。"));
        WECHAT.sent.clear();
        sender.runOnce();
        assertEquals(2, WECHAT.sent.size(), () -> "sent: " + WECHAT.sent);
        Map<String, Object> reply = json.readValue(WECHAT.sent.get(1), Http.MAP);
        assertEquals(OPENID, reply.get("touser"));
        assertEquals(FakeWeChat.TEMPLATE, reply.get("template_id"));
        assertEquals("编号 " + trackingNo + " 的反映已答复，点击查看详情",
                Http.map(Http.map(reply.get("data")).get("content")).get("value"));
        String link = (String) reply.get("url");
        assertTrue(link.startsWith(SITE + "/t/" + trackingNo + "#k=m1."), link);
        assertFalse(WECHAT.sent.get(1).contains("路灯坏了"), "no content of the concern in the message");
        assertEquals(0L, Db.count(tx, "SELECT COUNT(*) FROM notification_outbox WHERE target LIKE ?", "%" + OPENID + "%"));

        try (BrowserContext secondPhone = phoneOfTheResident()) {
            Page page = secondPhone.newPage();
            // no link on this phone: the silent sign-in binds it to the same WeChat, and 我的反映 lists the concern
            page.waitForResponse(r -> r.url().endsWith("/api/v1/wechat/oauth/bind") && r.status() == 200,
                    () -> page.navigate(SITE + "/my"));
            assertThat(page.locator("#list")).containsText(trackingNo);
            assertEquals(SITE + "/my", page.url());
            browser.screenshot(page, "second-phone-my");
            page.locator("#list a", new Page.LocatorOptions().setHasText(trackingNo)).click();
            page.waitForURL("**/t/" + trackingNo);
            assertThat(page.locator("[data-testid=latest-answer]")).containsText("路灯本周五前修好");
            browser.screenshot(page, "second-phone-answer");
            PhoneBrowser.assertNarrowAndZoomed(page);
        }
        browser.assertNoConsoleErrors();
    }

    /** The signature the page configured wx with is SHA-1 of jsapi_ticket, noncestr, timestamp and url (附录1). */
    private static void assertJsSdkSignature(Page page) {
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) page.evaluate("() => window.__wxConfig");
        String url = (String) page.evaluate("() => location.href.split('#')[0]");
        assertEquals(FakeWeChat.APP_ID, config.get("appId"));
        assertEquals(List.of("chooseImage", "getLocation"), config.get("jsApiList"));
        String plain = "jsapi_ticket=" + FakeWeChat.TICKET + "&noncestr=" + config.get("nonceStr")
                + "&timestamp=" + config.get("timestamp") + "&url=" + url;
        assertEquals(sha1(plain), config.get("signature"), plain);
    }

    private Map<String, Object> status(String token) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/wechat/status").header("X-Resident-Token", token), Http.MAP);
    }

    private Map<String, Object> status(String token, String trackingNo) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/wechat/status?trackingNo=" + trackingNo)
                .header("X-Resident-Token", token), Http.MAP);
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
