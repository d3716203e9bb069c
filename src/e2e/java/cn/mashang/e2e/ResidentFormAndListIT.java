package cn.mashang.e2e;

import cn.mashang.Db;
import cn.mashang.auth.Logins;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two promises of the resident pages a tap can break: a refused submission brings its first invalid field (and its
 * message) into view, clear of the fixed 提交反映 bar, and focuses it — at 390 and 320 px, in normal and 长辈模式; and
 * 我的反映 shows the current state of each concern whose link was saved on the phone, with 待评价 when one is due.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentFormAndListIT {
    private static final String STATION = ResidentJourneyIT.STATION_CODE;
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    PhoneBrowser browser;

    @BeforeAll
    void start() {
        browser = new PhoneBrowser("resident-form");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aRefusedSubmissionScrollsItsFirstInvalidFieldIntoViewAboveTheSubmitBarAndFocusesIt() {
        for (int width : new int[]{390, 320}) {
            for (boolean elder : new boolean[]{false, true}) {
                String at = width + " px" + (elder ? " 长辈模式" : "") + ": ";
                try (BrowserContext phone = browser.phone(width, 700)) {
                    phone.addInitScript(storage(elder ? "localStorage.setItem('mashang.elder','1');" : "localStorage.removeItem('mashang.elder');"));
                    Page page = phone.newPage();
                    page.navigate(server.getURL() + "/c/new?code=" + STATION);
                    assertThat(page.locator("#form")).isVisible();

                    // nothing written, the resident at the bottom of the form: the content box at the top comes back
                    // (this industry station's code presets the category)
                    assertEquals(1, page.locator("input[name=category]:checked").count(), "the code's preset category");
                    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)");
                    page.locator("#submit").click();
                    assertShownAboveBar(page, at + "content", page.locator(".cell:has(#content)"), "content");

                    // a name left without consent, the resident at the top: the consent line near the bottom comes up
                    page.locator("#content").fill("小区门口的路灯坏了三盏，晚上出行不便。");
                    page.locator("#contactName").fill("李阿姨");
                    page.evaluate("() => window.scrollTo(0, 0)");
                    page.locator("#submit").click();
                    assertShownAboveBar(page, at + "consent", page.locator("[data-field=consent]"), "consent");
                    browser.screenshot(page, width + (elder ? "-elder" : "") + "-consent-error");

                    page.locator("#consent").check();
                    assertThat(page.locator(".field-error")).hasCount(0);
                }
            }
        }
        browser.assertNoConsoleErrors();
    }

    @Test
    void myConcernsShowsTheCurrentStateOfEveryLinkSavedOnThePhoneAndWhichAwaitARating() {
        BlockingHttpClient client = http.toBlocking();
        Map<String, Object> waiting = EveryPageData.submit(client, STATION, "公园健身器材损坏，老人锻炼不安全。", 11);
        Map<String, Object> resolved = EveryPageData.submit(client, STATION, "公交站台顶棚漏雨，等车时淋雨。", 12);
        String deputy = Logins.token(client, EveryPageData.DEPUTY);
        long id = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", resolved.get("trackingNo"));
        EveryPageData.act(client, deputy, id, "accept", Map.of());
        EveryPageData.act(client, deputy, id, "reply", Map.of("text", "已联系公交公司，本周内修好顶棚。"));
        EveryPageData.act(client, deputy, id, "resolve", Map.of("outcome", "SOLVED", "text", "顶棚已修好。"));
        String links = "localStorage.setItem('myConcernLinks', JSON.stringify(["
                + link(waiting) + "," + link(resolved) + "]));";
        try (BrowserContext phone = browser.phone()) {
            phone.addInitScript(storage(links));
            Page page = phone.newPage();
            page.navigate(server.getURL() + "/my");
            Locator first = page.locator("[data-testid=my-item][data-no='" + waiting.get("trackingNo") + "']");
            Locator second = page.locator("[data-testid=my-item][data-no='" + resolved.get("trackingNo") + "']");
            assertThat(first.locator("[data-testid=my-state]")).hasText("待受理");
            assertThat(first.locator("[data-testid=to-rate]")).hasCount(0);
            assertThat(second.locator("[data-testid=my-state]")).hasText("已办结");
            assertThat(second.locator("[data-testid=to-rate]")).hasText("待评价");
            assertThat(second).containsText("公交站台顶棚漏雨");
            browser.screenshot(page, "my-saved-links");
            second.click();
            page.waitForURL("**/t/" + resolved.get("trackingNo") + "**");
            assertThat(page.locator("[data-testid=rate-now]")).isVisible();
        }
        browser.assertNoConsoleErrors();
    }

    /** The field's group and its message lie inside the viewport above the fixed bar; the control has the focus. */
    private static void assertShownAboveBar(Page page, String what, Locator group, String focusedId) {
        page.waitForTimeout(100);
        Map<?, ?> box = (Map<?, ?>) group.evaluate("""
                g => { const msg = g.nextElementSibling; const bar = document.querySelector('.bottom-bar').getBoundingClientRect();
                  const r = g.getBoundingClientRect(); const m = (msg || g).getBoundingClientRect();
                  return { top: r.top, bottom: m.bottom, barTop: bar.top, isMsg: !!msg && msg.classList.contains('field-error'),
                           focused: document.activeElement.id }; }""");
        assertEquals(true, box.get("isMsg"), what + ": the message sits right under the field: " + box);
        double top = ((Number) box.get("top")).doubleValue();
        double bottom = ((Number) box.get("bottom")).doubleValue();
        double barTop = ((Number) box.get("barTop")).doubleValue();
        assertTrue(top >= 0 && bottom <= barTop, what + ": field and message " + top + "–" + bottom
                + " px must lie in the viewport above the submit bar at " + barTop + " px");
        assertEquals(focusedId, box.get("focused"), what + ": focus");
    }

    /** An init script on the app's pages only (it also runs on about:blank, which has no localStorage). */
    private static String storage(String script) {
        return "if (location.protocol.startsWith('http')) { " + script + " }";
    }

    private static String link(Map<String, Object> concern) {
        return "{trackingNo:'" + concern.get("trackingNo") + "',key:'" + concern.get("key") + "',at:new Date().toISOString()}";
    }
}
