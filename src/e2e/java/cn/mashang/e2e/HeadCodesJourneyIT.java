package cn.mashang.e2e;

import cn.mashang.auth.DemoIds;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The station head manages the wall codes on the phone: logs in from /manage/codes, downloads the A4 poster as PDF
 * and as an image, and revokes the defaced station code; a resident scanning the old code is sent on to the new
 * page, an unknown code gets a friendly page; the head checks their account and logs out.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadCodesJourneyIT {
    static final String STATION_CODE = ResidentJourneyIT.STATION_CODE;
    /** Debian's fonts-wqy-microhei, the poster font; without it the posters honestly answer 503. */
    static final boolean POSTER_FONT = Files.isReadable(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"));
    @Inject
    EmbeddedServer server;
    @Inject
    DemoIds ids;
    PhoneBrowser browser;

    @BeforeAll
    void start() {
        browser = new PhoneBrowser("codes");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    String url(String path) {
        return server.getURL() + path;
    }

    @Test
    void theHeadDownloadsThePosterAndRevokesADefacedCodeAndResidentsAreSentOn() throws IOException {
        long station = ids.station(DemoIds.QJNY);
        try (BrowserContext headPhone = browser.phone(); BrowserContext residentPhone = browser.phone()) {
            Page head = headPhone.newPage();
            head.navigate(url("/manage/codes?station=" + station));
            head.waitForURL(u -> u.contains("/login?next="));
            head.locator("#login").fill("head-qjny");
            head.locator("#password").fill("Demo@2026");
            head.locator("#submit").click();
            head.waitForURL(u -> u.contains("/manage/codes?station=" + station));
            Locator stationCode = head.locator("[data-testid=active-codes] [data-code=" + STATION_CODE + "]");
            assertThat(stationCode).containsText("联络站二维码");
            head.waitForFunction("() => [...document.querySelectorAll('img.qr-thumb')]"
                    + ".every(i => i.complete && i.naturalWidth > 0)");
            assertThat(head.getByText("null")).hasCount(0);
            assertThat(head.locator("[data-testid=active-codes] [data-testid=code]").nth(1)).containsText("扫码");
            browser.screenshot(head, "codes");
            PhoneBrowser.assertTapTargets(head);
            PhoneBrowser.assertNarrowAndZoomed(head);

            if (POSTER_FONT) {
                assertStarts(download(head, "#pdf"), "%PDF-".getBytes());
                assertStarts(download(head, "#png"), new byte[]{(byte) 0x89, 'P', 'N', 'G'});
            } else {
                head.locator("#pdf").click();
                assertThat(head.getByText("服务器没有可用的中文字体")).isVisible();
            }

            stationCode.locator("[data-testid=revoke]").click();
            head.locator("[data-testid=revoke-reason]").fill("海报污损，已重新张贴");
            PhoneBrowser.assertInputsLabelled(head);
            browser.screenshot(head, "revoke-reason");
            head.locator("[data-testid=revoke-confirm]").click();
            Locator revoked = head.locator("[data-testid=revoked-codes] [data-code=" + STATION_CODE + "]");
            assertThat(revoked).containsText("海报污损，已重新张贴");
            assertThat(revoked).containsText("已停用");
            String newCode = head.locator("[data-testid=active-codes] [data-code]", new Page.LocatorOptions()
                    .setHasText("联络站二维码")).getAttribute("data-code");
            assertNotEquals(STATION_CODE, newCode);
            browser.screenshot(head, "revoked");

            // a resident scans the old poster and is sent on to the station's current page
            Page resident = residentPhone.newPage();
            resident.navigate(url("/s/" + STATION_CODE));
            assertThat(resident.getByText("此二维码已停用")).isVisible();
            browser.screenshot(resident, "code-gone");
            PhoneBrowser.assertTapTargets(resident);
            resident.getByText("前往联络站当前页面").click();
            resident.waitForURL("**/s/" + newCode);
            assertThat(resident.locator("h1")).containsText("清洁能源基地");
            resident.navigate(url("/s/zzzzzzzzzz"));
            assertThat(resident.getByText("未找到此二维码")).isVisible();
            browser.screenshot(resident, "code-unknown");

            // the head looks at their account and logs out
            head.navigate(url("/me"));
            assertThat(head.locator("#me-role")).hasText("站长");
            assertThat(head.locator("#me-stations")).containsText("清洁能源基地");
            browser.screenshot(head, "me");
            PhoneBrowser.assertInputsLabelled(head);
            head.locator("#logout").click();
            head.waitForURL(u -> u.endsWith("/login"));
            head.navigate(url("/manage/codes?station=" + station));
            head.waitForURL(u -> u.contains("/login?next="));
        }
        browser.expectPageStatus("/s/" + STATION_CODE, 410);
        browser.expectPageStatus("/s/zzzzzzzzzz", 404);
        browser.assertNoConsoleErrors();
    }

    /** Clicks a download button; the poster is drawn on demand (seconds on a busy machine). */
    private byte[] download(Page page, String button) throws IOException {
        try {
            Download d = page.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(60_000),
                    () -> page.locator(button).click());
            return Files.readAllBytes(d.path());
        } catch (TimeoutError e) {
            browser.screenshot(page, "no-download");
            throw new AssertionError("no download from " + button + "; console: " + browser.consoleErrors(), e);
        }
    }

    private static void assertStarts(byte[] file, byte[] magic) {
        assertArrayEquals(magic, Arrays.copyOf(file, magic.length), "file starts with " + new String(magic));
    }
}
