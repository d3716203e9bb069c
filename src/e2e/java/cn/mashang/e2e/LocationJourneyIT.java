package cn.mashang.e2e;

import cn.mashang.Db;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 附上位置 on a 390 px phone (issue 22): nothing is read before the resident's tap; the tap reads the (mocked)
 * position, the form says what will be shared, the concern carries it and the liaison sees it with a map link; a
 * community can be picked instead.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocationJourneyIT {
    static final String STATION_CODE = "zhan222222";
    @Inject
    EmbeddedServer server;
    @Inject
    TransactionOperations<Connection> tx;
    PhoneBrowser browser;

    @BeforeAll
    void start() {
        browser = new PhoneBrowser("location");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private BrowserContext phoneAt(double lat, double lng) {
        BrowserContext phone = browser.phone(390, 844);
        phone.grantPermissions(List.of("geolocation"), new BrowserContext.GrantPermissionsOptions()
                .setOrigin(server.getURL().toString()));
        phone.setGeolocation(new Geolocation(lat, lng).setAccuracy(25));
        // counts the page's position requests, so the test sees that none happens before the tap
        phone.addInitScript("(() => { const g = navigator.geolocation; const read = g.getCurrentPosition.bind(g);"
                + " window.positionReads = 0; g.getCurrentPosition = (...a) => { window.positionReads++; return read(...a); }; })()");
        return phone;
    }

    private static int reads(Page page) {
        return ((Number) page.evaluate("() => window.positionReads")).intValue();
    }

    private String fillAndSubmit(Page page, String content) {
        page.locator("#content").fill(content);
        page.locator("#submit").click();
        assertThat(page.getByText("提交成功")).isVisible();
        return page.locator(".tracking-no").innerText().strip();
    }

    @Test
    void theResidentsTapAttachesTheBrowsersPositionAndTheLiaisonSeesItWithAMapLink() {
        String trackingNo;
        try (BrowserContext phone = phoneAt(37.146123, 111.773456)) {
            Page page = phone.newPage();
            page.navigate(server.getURL() + "/c/new?code=" + STATION_CODE);
            assertThat(page.locator("#form")).isVisible();
            assertThat(page.locator("#loc-none")).isChecked();
            assertThat(page.locator("#location-status")).isHidden();
            assertThat(page.locator("#location-hint")).containsText("不向其他群众公开");
            assertEquals(0, reads(page), "nothing is read before the tap");
            page.locator("label[for=loc-here]").click();
            assertThat(page.locator("#location-status")).containsText("纬度 37.14612，经度 111.77346（精度约 25 米）");
            assertEquals(1, reads(page));
            browser.screenshot(page, "position-attached");
            PhoneBrowser.assertTapTargets(page);
            PhoneBrowser.assertInputsLabelled(page);
            PhoneBrowser.assertNarrowAndZoomed(page);
            trackingNo = fillAndSubmit(page, "梧桐新村北门外的路灯坏了半个月，晚上下班路过很不安全。");
        }
        long id = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", trackingNo);
        assertEquals("BROWSER", Db.text(tx, "SELECT source FROM concern_location WHERE concern_id = ?", id));
        assertEquals(25, Db.count(tx, "SELECT accuracy_m FROM concern_location WHERE concern_id = ?", id));
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            page.navigate(server.getURL() + "/work/concerns/" + id);
            page.waitForURL(u -> u.contains("/login"));
            page.locator("#login").fill("liaison-qjny");
            page.locator("#password").fill("Demo@2026");
            page.locator("#submit").click();
            page.waitForURL(u -> u.contains("/work/concerns/" + id));
            assertThat(page.getByTestId("fact-location")).hasText("手机定位（精度约 25 米）");
            String href = page.getByTestId("map-link").getAttribute("href");
            assertTrue(href.startsWith("https://uri.amap.com/marker?position=111.7"), href);
            browser.screenshot(page, "staff-sees-location");
        }
        browser.assertNoConsoleErrors();
    }

    @Test
    void aCommunityCanBePickedInsteadAndNoPositionIsReadThen() {
        String trackingNo;
        try (BrowserContext phone = phoneAt(37.2, 111.8)) {
            Page page = phone.newPage();
            page.navigate(server.getURL() + "/c/new?code=" + STATION_CODE);
            page.locator("label[for=loc-community]").click();
            assertThat(page.locator("#community-cell")).isVisible();
            page.locator("#communityId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("新义小区"));
            browser.screenshot(page, "community-picked");
            assertEquals(0, reads(page), "a community pick reads no position");
            trackingNo = fillAndSubmit(page, "新义小区东门的下水道堵了，污水漫到路面上。");
        }
        long id = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", trackingNo);
        assertEquals("COMMUNITY", Db.text(tx, "SELECT source FROM concern_location WHERE concern_id = ?", id));
        assertEquals(0, Db.count(tx, "SELECT COUNT(*) FROM concern_location WHERE concern_id = ? AND lat IS NOT NULL", id));
        assertEquals("新义小区", Db.text(tx, "SELECT m.name FROM concern_location l JOIN station_community m "
                + "ON m.id = l.community_id WHERE l.concern_id = ?", id));
        browser.assertNoConsoleErrors();
    }
}
