package cn.mashang.e2e;

import cn.mashang.auth.DemoIds;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.mashang.Http.MAP;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The station head opens the dashboard on the phone; a concern left unanswered too long turns up red on the board. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadDashboardJourneyIT {
    private static final Pattern BOARD_COUNT = Pattern.compile("超期看板（(\\d+)）");
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    DataSource dataSource;
    PhoneBrowser browser;

    @BeforeAll
    void start() {
        browser = new PhoneBrowser("head");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void theHeadSeesTheFiguresAndAnUnansweredConcernTurnsRedOnTheOverdueBoard() throws SQLException {
        long station = ids.station(DemoIds.QJNY);
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            page.navigate(server.getURL() + "/manage/dashboard?station=" + station);
            page.waitForURL(u -> u.contains("/login?next="));
            page.locator("#login").fill("head-qjny");
            page.locator("#password").fill("Demo@2026");
            page.locator("#submit").click();
            page.waitForURL(u -> u.contains("/manage/dashboard"));
            assertThat(page.getByText("响应率").first()).isVisible();
            assertThat(page.getByText("满意率").first()).isVisible();
            Locator board = page.getByText(BOARD_COUNT);
            assertThat(board).isVisible();
            assertThat(page.getByText("null")).hasCount(0);
            int before = count(board.innerText());
            browser.screenshot(page, "dashboard");
            PhoneBrowser.assertInputsLabelled(page);
            PhoneBrowser.assertTapTargets(page);

            // a resident's concern nobody has answered for ten days (first response allows 3 working days)
            String code = (String) http.toBlocking().retrieve(HttpRequest.GET("/api/v1/stations/" + station), MAP).get("code");
            Map<String, Object> answer = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/concerns",
                    Map.of("code", code, "category", "基础设施", "content", "园区北门的井盖松动，车辆经过响声很大。"))
                    .header("Idempotency-Key", UUID.randomUUID().toString()), MAP);
            String trackingNo = (String) answer.get("trackingNo");
            backdate(trackingNo, Duration.ofDays(10));

            page.reload();
            assertThat(page.getByText(BOARD_COUNT)).isVisible();
            assertEquals(before + 1, count(page.getByText(BOARD_COUNT).innerText()));
            Locator item = page.locator(".cell", new Page.LocatorOptions().setHasText(trackingNo));
            assertThat(item).containsText("红·已超期");
            item.scrollIntoViewIfNeeded();
            browser.screenshot(page, "overdue-board");
            PhoneBrowser.assertNarrowAndZoomed(page);
        }
        browser.assertNoConsoleErrors();
    }

    @Test
    void theDistrictCommitteeSeesItsFiguresAndOpensOneOfItsStreets() {
        long region = ids.region("离石区");
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            page.navigate(server.getURL() + "/manage/region?id=" + region);
            page.waitForURL(u -> u.contains("/login?next="));
            page.locator("#login").fill("lishi-admin");
            page.locator("#password").fill("Demo@2026");
            page.locator("#submit").click();
            page.waitForURL(u -> u.contains("/manage/region?id=" + region));
            assertThat(page.locator("#title")).containsText("离石区");
            assertThat(page.getByText("满意率").first()).isVisible();
            assertThat(page.locator(".section-title", new Page.LocatorOptions().setHasText("联络站排名"))).isVisible();
            assertThat(page.getByText("null")).hasCount(0);
            browser.screenshot(page, "region");
            PhoneBrowser.assertInputsLabelled(page);
            PhoneBrowser.assertNarrowAndZoomed(page);
            assertThat(page.locator(".legend")).hasText("收到已响应已办结");
            // the sub-region table of the figures (the reception and standards sections below link the same streets)
            page.locator("#body a[href^='/manage/region?id=']", new Page.LocatorOptions().setHasText("凤山街道")).click();
            page.waitForURL(u -> !u.contains("/manage/region?id=" + region + "&") && !u.endsWith("?id=" + region));
            assertThat(page.locator("#title")).containsText("凤山街道");
        }
        browser.assertNoConsoleErrors();
    }

    private static int count(String title) {
        Matcher m = BOARD_COUNT.matcher(title);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Moves a concern back in time; its stored deadlines are cleared so they follow the new created_at. */
    private void backdate(String trackingNo, Duration age) throws SQLException {
        Timestamp then = Timestamp.from(Instant.now().minus(age));
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement concern = c.prepareStatement("UPDATE concern SET created_at = ?, first_response_due = NULL, resolution_due = NULL WHERE tracking_no = ?");
                 PreparedStatement events = c.prepareStatement(
                         "UPDATE concern_event SET created_at = ? WHERE concern_id = (SELECT id FROM concern WHERE tracking_no = ?)")) {
                concern.setTimestamp(1, then);
                concern.setString(2, trackingNo);
                assertEquals(1, concern.executeUpdate());
                events.setTimestamp(1, then);
                events.setString(2, trackingNo);
                events.executeUpdate();
            }
        }
    }
}
