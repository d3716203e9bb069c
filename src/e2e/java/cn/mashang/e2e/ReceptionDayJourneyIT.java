package cn.mashang.e2e;

import cn.mashang.auth.DemoIds;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A reception day (接待日) on phones: the liaison schedules one at the reception desk; a resident scans the station
 * code, books it and gets a booking code; on the day the liaison checks the resident in, counts a walk-in and
 * records a concern raised in person, finds it in the station's queue and prints its record; the deputy reads their
 * performance archive.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceptionDayJourneyIT {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    @Inject
    EmbeddedServer server;
    @Inject
    DemoIds ids;
    @Inject
    DataSource dataSource;
    PhoneBrowser browser;

    @BeforeAll
    void start() {
        browser = new PhoneBrowser("reception");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    String url(String path) {
        return server.getURL() + path;
    }

    @Test
    void aResidentBooksIsCheckedInAtTheDeskAndTheConcernRaisedInPersonIsRecorded() throws SQLException {
        long station = ids.station(DemoIds.QJNY);
        String tomorrow = LocalDate.now(BEIJING).plusDays(1).toString();
        String marker = "接待日E2E" + System.nanoTime();
        try (BrowserContext liaisonPhone = browser.phone(); BrowserContext residentPhone = browser.phone();
             BrowserContext deputyPhone = browser.phone()) {
            Page desk = liaisonPhone.newPage();
            desk.navigate(url("/manage/reception?station=" + station));
            login(desk, "liaison-qjny", "/manage/reception");
            desk.locator("#one-date").fill(tomorrow);
            // an afternoon session: the station's own rule days (e.g. 每月第一个周三) start at 09:00
            desk.locator("#one-start").fill("14:30");
            desk.locator("#one-end").fill("16:30");
            desk.locator("#one-place").fill("联络站一楼接待室");
            desk.locator("#oneoff-form button[type=submit]").click();
            Locator session = desk.locator("#sessions .cell", new Page.LocatorOptions().setHasText(tomorrow + " 14:30"));
            assertThat(session).isVisible();
            browser.screenshot(desk, "desk-scheduled");
            PhoneBrowser.assertInputsLabelled(desk);
            PhoneBrowser.assertTapTargets(desk);
            PhoneBrowser.assertNarrowAndZoomed(desk);

            // the resident finds it on the station's page and books it, without an account
            Page resident = residentPhone.newPage();
            resident.navigate(url("/s/" + ResidentJourneyIT.STATION_CODE));
            resident.locator("a.cell[href^='/r/']", new Page.LocatorOptions().setHasText(tomorrow + " 14:30")).click();
            resident.waitForURL("**/r/*");
            long sessionId = Long.parseLong(resident.url().replaceAll(".*/r/(\\d+).*", "$1"));
            assertThat(resident.getByText("联络站一楼接待室")).isVisible();
            PhoneBrowser.assertInputsLabelled(resident);
            resident.locator("#submit").click();
            Locator codeBox = resident.locator(".code-box .code");
            assertThat(codeBox).hasText(Pattern.compile("\\w{4,}"));
            String bookingCode = codeBox.innerText().trim();
            browser.screenshot(resident, "booked");
            PhoneBrowser.assertNarrowAndZoomed(resident);

            // the day has come: the session moves to today (check-in opens on the day itself)
            moveToToday(sessionId);
            desk.reload();
            String today = LocalDate.now(BEIJING).toString();
            desk.locator("#sessions .cell", new Page.LocatorOptions().setHasText(today + " 14:30")).click();
            assertThat(desk.locator("#desk")).isVisible();
            desk.locator("#booking-code").fill(bookingCode);
            desk.locator("#checkin-form button[type=submit]").click();
            Locator booking = desk.locator("#bookings .cell", new Page.LocatorOptions().setHasText(bookingCode));
            assertThat(booking.locator(".tag.tone-active")).hasText("已签到");
            desk.locator("#walkin-plus").click();
            assertThat(desk.locator("#desk-title")).containsText("现场接待 1 人");

            desk.locator("#in-category").selectOption(new SelectOption().setLabel("生活环境"));
            desk.locator("#in-content").fill(marker + " 群众当面反映：小区门口路灯不亮，晚上出行不便。");
            desk.locator("#in-submit").click();
            assertThat(desk.locator("#intake-result")).containsText("查询编号：LL-");
            browser.screenshot(desk, "desk-recorded");

            // the concern is in the station's queue; the liaison opens it and prints its record
            desk.navigate(url("/work/station?id=" + station));
            Locator item = desk.locator("[data-testid=queue-item]", new Page.LocatorOptions().setHasText(marker));
            assertThat(item).isVisible();
            browser.screenshot(desk, "station-queue");
            PhoneBrowser.assertNarrowAndZoomed(desk);
            item.locator("a").click();
            desk.waitForURL("**/work/concerns/*");
            assertThat(desk.locator("[data-testid=state]")).hasText("待受理");
            assertThat(desk.locator("[data-testid=state]")).hasClass(Pattern.compile("tone-pending"));
            String concernId = desk.url().replaceAll(".*/work/concerns/(\\d+).*", "$1");
            desk.navigate(url("/manage/concerns/" + concernId + "/print"));
            assertThat(desk.locator("[data-testid=record]")).containsText("反映办理档案");
            assertThat(desk.locator("[data-testid=record-timeline]")).containsText("提交反映");
            browser.screenshot(desk, "print");

            // the deputy reads their archive
            Page deputy = deputyPhone.newPage();
            deputy.navigate(url("/work/archive"));
            login(deputy, ConcernRoadJourneyIT.DEPUTY_LOGIN, "/work/archive");
            assertThat(deputy.locator("#title")).hasText("王建华 · 履职档案");
            assertThat(deputy.locator("#archive").getByText("进站履职").first()).isVisible();
            browser.screenshot(deputy, "archive");
            PhoneBrowser.assertInputsLabelled(deputy);
            PhoneBrowser.assertNarrowAndZoomed(deputy);
        }
        browser.assertNoConsoleErrors();
    }

    private static void login(Page page, String login, String back) {
        page.waitForURL(u -> u.contains("/login?next="));
        page.locator("#login").fill(login);
        page.locator("#password").fill("Demo@2026");
        page.locator("#submit").click();
        page.waitForURL(u -> u.contains(back));
    }

    /** Moves a session one day earlier, to today (its dates and times). */
    private void moveToToday(long sessionId) throws SQLException {
        LocalDate today = LocalDate.now(BEIJING);
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection()) {
            c.setAutoCommit(true);
            Timestamp starts;
            Timestamp ends;
            try (PreparedStatement read = c.prepareStatement("SELECT starts_at, ends_at FROM reception_session WHERE id = ?")) {
                read.setLong(1, sessionId);
                try (var rs = read.executeQuery()) {
                    rs.next();
                    starts = rs.getTimestamp(1);
                    ends = rs.getTimestamp(2);
                }
            }
            try (PreparedStatement move = c.prepareStatement("UPDATE reception_session SET session_date = ?, "
                    + "nominal_date = ?, starts_at = ?, ends_at = ? WHERE id = ?")) {
                move.setObject(1, today);
                move.setObject(2, today);
                move.setTimestamp(3, Timestamp.from(starts.toInstant().minus(Duration.ofDays(1))));
                move.setTimestamp(4, Timestamp.from(ends.toInstant().minus(Duration.ofDays(1))));
                move.setLong(5, sessionId);
                assertEquals(1, move.executeUpdate());
            }
        }
    }
}
