package cn.mashang.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole road on phones: a resident scans a deputy's code and raises a concern; the deputy logs in on their
 * phone, finds it in 待我处理, accepts, replies, refers it to a department and resolves it; the resident sees
 * the reply and the outcome, rates it 不满意 and the concern reopens.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcernRoadJourneyIT {
    static final String DEPUTY_CODE = "rddb222222"; // 王建华's seat in the 清洁能源 station
    static final String DEPUTY_LOGIN = "13800000001";
    @Inject
    EmbeddedServer server;
    PhoneBrowser browser;

    @BeforeAll
    void start() {
        browser = new PhoneBrowser("road");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    String url(String path) {
        return server.getURL() + path;
    }

    @Test
    void aDeputyAnswersOnThePhoneAndTheDissatisfiedResidentReopensTheConcern() {
        String marker = "E2E" + System.nanoTime();
        try (BrowserContext residentPhone = browser.phone(); BrowserContext deputyPhone = browser.phone()) {
            // the resident scans the deputy's code
            Page resident = residentPhone.newPage();
            resident.navigate(url("/d/" + DEPUTY_CODE));
            assertThat(resident.locator("h1")).containsText("王建华");
            browser.screenshot(resident, "deputy-card");
            resident.getByText("向TA反映").click();
            resident.locator(".choices label", new Page.LocatorOptions().setHasText("生活环境")).click();
            resident.locator("#content").fill(marker + " 小区门口垃圾清运不及时，夏天气味很大，希望增加清运次数。");
            resident.locator("#submit").click();
            assertThat(resident.getByText("提交成功")).isVisible();
            String trackingUrl = resident.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("查看办理进度")).getAttribute("href");

            // the deputy logs in on their phone and finds it in 待我处理
            Page deputy = deputyPhone.newPage();
            deputy.navigate(url("/work"));
            deputy.waitForURL(u -> u.contains("/login?next="));
            PhoneBrowser.assertInputsLabelled(deputy);
            browser.screenshot(deputy, "login");
            deputy.locator("#login").fill(DEPUTY_LOGIN);
            deputy.locator("#password").fill("Demo@2026");
            deputy.locator("#submit").click();
            try {
                deputy.waitForURL(u -> u.endsWith("/work"));
            } catch (RuntimeException e) {
                browser.screenshot(deputy, "login-failed");
                throw new AssertionError("no /work after login; page says: " + deputy.locator("#msg").innerText()
                        + " url=" + deputy.url() + " console=" + browser.consoleErrors(), e);
            }
            Locator item = deputy.locator("[data-testid=queue-item]", new Page.LocatorOptions().setHasText(marker));
            assertThat(item).isVisible();
            browser.screenshot(deputy, "todo");
            PhoneBrowser.assertTapTargets(deputy);
            PhoneBrowser.assertNarrowAndZoomed(deputy);
            item.locator("a").click();
            deputy.waitForURL("**/work/concerns/*");
            assertThat(deputy.locator("[data-testid=state]")).containsText("待受理");

            act(deputy, "accept", null);
            assertThat(deputy.locator("[data-testid=state]")).containsText("已受理");
            act(deputy, "reply", () -> deputy.locator("[data-testid=field-text]")
                    .fill("您好，已联系物业和环卫所，本周起每天早晚各清运一次。"));
            assertThat(deputy.locator("[data-testid=state]")).containsText("已答复");
            browser.screenshot(deputy, "replied");
            act(deputy, "refer", () -> {
                deputy.locator("[data-testid=field-departmentId]").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("孝义市城市管理局"));
                deputy.locator("[data-testid=field-text]").fill("请城市管理局督促环卫所落实清运频次。");
            });
            assertThat(deputy.locator("[data-testid=state]")).containsText("已交办");
            act(deputy, "resolve", () -> {
                deputy.locator("[data-testid=outcome-SOLVED]").check();
                deputy.locator("[data-testid=field-text]").fill("环卫所已增加清运次数，问题已解决。");
            });
            assertThat(deputy.locator("[data-testid=state]")).containsText("已办结");
            PhoneBrowser.assertInputsLabelled(deputy);
            browser.screenshot(deputy, "resolved");

            // the resident follows the link, sees the reply and the outcome, and is not satisfied
            resident.navigate(url(trackingUrl));
            assertThat(resident.getByText("本周起每天早晚各清运一次")).isVisible();
            assertThat(resident.getByText("已办结").first()).isVisible();
            assertTrue(!resident.content().contains("0358-"), "no staff or department phone numbers on the tracking page");
            browser.screenshot(resident, "resolved-seen");
            resident.locator("label[for=rate-2]").click();
            resident.locator("#rating-comment").fill("清运只坚持了两天，又恢复原样了。");
            PhoneBrowser.assertInputsLabelled(resident);
            resident.getByText("提交评价").click();
            assertThat(resident.getByText("已受理").first()).isVisible();
            browser.screenshot(resident, "reopened");

            // back in the deputy's queue, counted as reopened
            deputy.navigate(url("/work"));
            assertThat(deputy.locator("[data-testid=queue-item]", new Page.LocatorOptions().setHasText(marker))).isVisible();
            browser.screenshot(deputy, "todo-reopened");
        }
        browser.assertNoConsoleErrors();
    }

    /** Opens an action's bottom sheet, fills it and submits it. */
    private void act(Page page, String action, Runnable fill) {
        page.locator("[data-testid=action-" + action + "]").click();
        assertThat(page.locator("[data-testid=action-sheet]")).isVisible();
        if (fill != null) {
            fill.run();
        }
        page.locator("[data-testid=sheet-submit]").click();
        assertThat(page.locator("[data-testid=action-sheet]")).isHidden();
    }
}
