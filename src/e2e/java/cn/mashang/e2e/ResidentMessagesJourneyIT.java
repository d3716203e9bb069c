package cn.mashang.e2e;

import cn.mashang.Db;
import cn.mashang.auth.Logins;
import cn.mashang.notify.OutboxSender;
import cn.mashang.resident.sms.LocalAliyunSms;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.MAP;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19 in the browser: a resident opts in to progress messages on a phone, the deputy answers, the SMS (local
 * Alibaba Cloud endpoint, signatures checked) carries a link that shows the answer; on a new phone the resident
 * finds the concern again by number and code, and rates it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentMessagesJourneyIT implements TestPropertyProvider {
    static final String STATION_CODE = "zhan222222";
    static final String DEPUTY = "13800000001";
    static final String MOBILE = "13900019019";
    static final String BOOKING_MOBILE = "13900027019";
    static final LocalAliyunSms SMS = LocalAliyunSms.start();

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    OutboxSender sender;
    PhoneBrowser browser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(SMS.properties());
        p.put("notify.sender.enabled", "false");
        return p;
    }

    @BeforeAll
    void start() {
        browser = new PhoneBrowser("resident-messages");
    }

    @AfterAll
    void stop() {
        browser.close();
        SMS.close();
    }

    String url(String path) {
        return server.getURL() + path;
    }

    @Test
    void anOptedInResidentGetsTheAnswerBySmsAndOnANewPhoneRecoversTheConcernByNumberAndRatesIt() {
        String trackingNo;
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            page.navigate(url("/c/new?code=" + STATION_CODE));
            page.locator(".choices label", new Page.LocatorOptions().setHasText("基础设施")).click();
            page.locator("#content").fill("胜溪湖小区南门的下水道井盖松动，车一压就响，担心有人踩空。");
            page.locator("#notifyMe").check();
            page.locator("#submit").click();
            assertThat(page.locator("#err-mobile")).containsText("请填写手机号");
            browser.screenshot(page, "notify-needs-mobile");
            page.locator("#mobile").fill(MOBILE);
            page.locator("#consent").check();
            PhoneBrowser.assertInputsLabelled(page);
            PhoneBrowser.assertNarrowAndZoomed(page);
            page.locator("#submit").click();
            assertThat(page.getByText("提交成功")).isVisible();
            trackingNo = page.locator(".tracking-no").innerText().trim();
        }

        BlockingHttpClient client = http.toBlocking();
        long id = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", trackingNo);
        String deputy = Logins.token(client, DEPUTY);
        act(client, deputy, id, "accept", Map.of());
        act(client, deputy, id, "reply", Map.of("text", "已联系物业，本周内更换南门井盖。"));
        sender.runOnce();
        List<LocalAliyunSms.Sent> sent = SMS.sentTo(MOBILE);
        assertEquals(2, sent.size(), "rejected: " + SMS.rejected());
        String link = sent.get(1).params().get("link");
        assertTrue(link.contains("/t/" + trackingNo + "#k=m1."), link);

        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            String linkPath = link.substring(link.indexOf("/t/"));
            page.navigate(url(linkPath));
            assertThat(page.locator("[data-testid=latest-answer]")).containsText("本周内更换南门井盖");
            assertThat(page.locator("[data-testid=notice-state]")).containsText("有进展时将短信通知");
            browser.screenshot(page, "sms-link-opened");
            PhoneBrowser.assertTapTargets(page);
        }

        act(client, deputy, id, "resolve", Map.of("outcome", "SOLVED", "text", "井盖已更换加固。"));
        try (BrowserContext newPhone = browser.phone()) {
            Page page = newPhone.newPage();
            browser.expectPageStatus("/t/" + trackingNo, 404);   // no key on this phone: 无法查看, by design
            page.navigate(url("/t/" + trackingNo));
            assertThat(page.getByText("无法查看")).isVisible();
            page.locator("[data-testid=to-recover]").click();
            page.waitForURL("**/recover");
            page.locator("#mobile").fill(MOBILE);
            page.locator("#send").click();
            assertThat(page.locator("#verify-form")).isVisible();
            sender.runOnce();   // the code goes through the outbox like every message
            String code = SMS.sentTo(MOBILE).stream().filter(s -> LocalAliyunSms.CODE_TEMPLATE.equals(s.templateCode()))
                    .reduce((a, b) -> b).orElseThrow().params().get("code");
            assertTrue(code.matches("\\d{6}"), code);
            page.locator("#code").fill(code);
            PhoneBrowser.assertInputsLabelled(page);
            page.locator("#verify").click();
            assertThat(page.locator("[data-testid=recovered]")).containsText(trackingNo);
            browser.screenshot(page, "recovered");
            PhoneBrowser.assertNarrowAndZoomed(page);
            page.locator("[data-testid=recovered] a", new Page.LocatorOptions().setHasText(trackingNo)).click();
            page.waitForURL("**/t/" + trackingNo + "**");
            assertThat(page.getByText("井盖已更换加固").first()).isVisible();
            page.locator("label[for=rate-0]").click();
            page.getByText("提交评价").click();
            assertThat(page.getByText("感谢您的评价")).isVisible();
            assertThat(page.locator("#rating")).isHidden();
            browser.screenshot(page, "rated-on-new-phone");

            page.locator("[data-testid=notice-toggle]").click();
            assertThat(page.locator("[data-testid=notice-state]")).containsText("未开启进展通知");
        }
        assertEquals(1L, Db.count(tx, "SELECT COUNT(*) FROM concern WHERE id = ? AND rating IS NOT NULL", id));
        browser.assertNoConsoleErrors();
    }

    @Test
    void aResidentBooksWithRemindersTurnsThemOffAndOnAndCancelsOnTheBookingPageAndTheCancellationIsQueued() {
        BlockingHttpClient client = http.toBlocking();
        long station = Db.count(tx, "SELECT station_id FROM contact_code WHERE code = ?", STATION_CODE);
        String date = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString();
        Map<String, Object> session = client.retrieve(HttpRequest.POST("/api/v1/stations/" + station + "/sessions",
                Map.of("date", date, "startTime", "14:00", "endTime", "16:00", "place", "联络站二楼", "capacity", 5))
                .bearerAuth(Logins.token(client, "liaison-qjny")), MAP);
        String code;
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            page.onDialog(d -> d.accept());   // 确定取消这次预约吗？
            page.navigate(url("/r/" + session.get("id")));
            page.locator("#notifyMe").check();
            page.locator("#submit").click();
            assertThat(page.locator("#form-error")).containsText("需要预约提醒时请填写手机号");
            page.locator("#mobile").fill(BOOKING_MOBILE);
            page.locator("#consent").check();
            PhoneBrowser.assertInputsLabelled(page);
            page.locator("#submit").click();
            assertThat(page.locator("[data-testid=booking-notice-state]")).containsText("已开启，短信发至 139****7019");
            code = page.locator(".code-box .code").innerText().trim();
            assertEquals(List.of("resident.booking.confirmed"), bookingMessages(code));
            page.locator("[data-testid=booking-notice-toggle]").click();
            assertThat(page.locator("[data-testid=booking-notice-state]")).hasText("未开启");
            page.locator("[data-testid=booking-notice-toggle]").click();
            assertThat(page.locator("[data-testid=booking-notice-state]")).containsText("已开启");
            browser.screenshot(page, "booked-with-reminders");
            PhoneBrowser.assertTapTargets(page);
            PhoneBrowser.assertNarrowAndZoomed(page);

            page.locator("[data-testid=cancel-booking]").click();
            assertThat(page.locator("[data-testid=booking-cancelled]")).containsText("预约已取消");
            browser.screenshot(page, "booking-cancelled");
        }
        assertEquals("CANCELLED", Db.text(tx, "SELECT status FROM reception_booking WHERE booking_code = ?", code));
        assertEquals(0L, Db.count(tx, "SELECT booked FROM reception_session WHERE id = ?", session.get("id")));
        assertEquals(List.of("resident.booking.confirmed", "resident.booking.cancelled"), bookingMessages(code));
        browser.assertNoConsoleErrors();
    }

    /** The kinds of the SMS rows queued for a booking, oldest first. */
    private List<String> bookingMessages(String code) {
        long id = Db.count(tx, "SELECT id FROM reception_booking WHERE booking_code = ?", code);
        return Db.texts(tx, "SELECT kind FROM notification_outbox WHERE channel = 'SMS' AND target = ? ORDER BY id", "booking:" + id);
    }

    static void act(BlockingHttpClient client, String token, long id, String action, Map<String, Object> fields) {
        long version = ((Number) client.retrieve(HttpRequest.GET("/api/v1/concerns/" + id).bearerAuth(token), MAP)
                .get("version")).longValue();
        Map<String, Object> body = new HashMap<>(fields);
        body.put("version", version);
        client.retrieve(HttpRequest.POST("/api/v1/concerns/" + id + "/actions/" + action, body).bearerAuth(token), MAP);
    }
}
