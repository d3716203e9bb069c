package cn.mashang.e2e;

import cn.mashang.Db;
import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.common.Times;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.micronaut.http.HttpRequest;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The department loop in the browser: a department's clerk on a phone finds a referral in the inbox, signs for it
 * and answers it; the committee's admin opens the region's overdue queue and urges a department that has not signed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepartmentJourneyIT {
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    TransactionOperations<Connection> tx;
    PhoneBrowser browser;
    BlockingHttpClient client;

    @BeforeAll
    void start() {
        browser = new PhoneBrowser("department");
        client = http.toBlocking();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    String url(String path) {
        return server.getURL() + path;
    }

    /** A concern of the 清洁能源 station referred to 住建局 by the liaison; answers its id. */
    long referred(String content) {
        String code = (String) Http.get(client, "/api/v1/stations/" + ids.station(DemoIds.QJNY)).get("code");
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "category", "生活环境", "content", content));
        var answer = client.retrieve(HttpRequest.POST("/api/v1/concerns", body).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Forwarded-For", "10.88." + (int) (Math.random() * 250) + ".1"), Http.MAP);
        long id = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", answer.get("trackingNo"));
        String liaison = Logins.token(client, "liaison-qjny");
        act(liaison, id, "accept", Map.of());
        act(liaison, id, "refer", Map.of("departmentId", ids.department("孝义市", "孝义市住房和城乡建设局")));
        return id;
    }

    void act(String token, long id, String action, Map<String, Object> fields) {
        long version = ((Number) Http.get(client, "/api/v1/concerns/" + id, Logins.token(client, "head-qjny")).get("version")).longValue();
        Map<String, Object> body = new HashMap<>(fields);
        body.put("version", version);
        client.retrieve(HttpRequest.POST("/api/v1/concerns/" + id + "/actions/" + action, body).bearerAuth(token), Http.MAP);
    }

    void login(Page page, String path, String login) {
        page.navigate(url(path));
        page.waitForURL(u -> u.contains("/login?next="));
        page.locator("#login").fill(login);
        page.locator("#password").fill("Demo@2026");
        page.locator("#submit").click();
        page.waitForURL(u -> u.endsWith(path));
    }

    @Test
    void aDepartmentClerkSignsForAndAnswersAReferralOnThePhone() {
        String marker = "E2E" + System.nanoTime();
        long id = referred(marker + " 小区外墙瓷砖脱落，存在安全隐患");
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            login(page, "/dept", "dept-xiaoyi-zhujian");
            Locator item = page.locator("[data-testid=queue-item]", new Page.LocatorOptions().setHasText(marker));
            assertThat(item).isVisible();
            browser.screenshot(page, "inbox");
            PhoneBrowser.assertTapTargets(page);
            PhoneBrowser.assertNarrowAndZoomed(page);
            item.locator("a").click();
            page.waitForURL("**/dept/concerns/" + id);
            assertThat(page.locator("[data-testid=state]")).containsText("待签收");
            sheet(page, "sign", null);
            assertThat(page.locator("[data-testid=state]")).containsText("已签收");
            sheet(page, "dept-answer", () -> {
                page.locator("label[for=outcome-SOLVED]").click();
                page.locator("[data-testid=field-text]").fill("已安排物业拆除松动瓷砖并设置围挡，下周完成修复。");
            });
            assertThat(page.locator("[data-testid=state]")).containsText("已答复");
            assertThat(page.locator("[data-testid=event][data-type=DEPARTMENT_ANSWERED]")).isVisible();
            PhoneBrowser.assertInputsLabelled(page);
            browser.screenshot(page, "answered");
            page.navigate(url("/dept"));
            page.locator("[data-testid=tab-done]").click();
            assertThat(page.locator("[data-testid=queue-item]", new Page.LocatorOptions().setHasText(marker))).isVisible();
        }
        browser.assertNoConsoleErrors();
    }

    @Test
    void theCommitteeAdminUrgesADepartmentFromTheOverdueQueue() {
        String marker = "E2E" + System.nanoTime();
        long id = referred(marker + " 道路井盖缺失，部门一直没有签收");
        Db.sql(tx, "UPDATE concern SET sign_due = ? WHERE id = ?", Timestamp.from(Times.now().minus(Duration.ofHours(5))), id);
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            login(page, "/manage/overdue", "lvliang-admin");
            Locator item = page.locator("[data-testid=queue-item]", new Page.LocatorOptions().setHasText(marker));
            assertThat(item).isVisible();
            assertThat(item.locator("[data-testid=holder]")).containsText("孝义市住房和城乡建设局");
            browser.screenshot(page, "overdue-queue");
            item.locator("[data-testid=action-urge]").click();
            assertThat(page.locator("[data-testid=action-sheet]")).isVisible();
            page.locator("[data-testid=field-text]").fill("请今天内签收并安排人员现场处置。");
            PhoneBrowser.assertInputsLabelled(page);
            page.locator("[data-testid=sheet-submit]").click();
            assertThat(page.locator("[data-testid=action-sheet]")).isHidden();
            browser.screenshot(page, "urged");
            page.navigate(url("/manage/departments"));
            assertThat(page.locator("main")).containsText("孝义市住房和城乡建设局");
            browser.screenshot(page, "departments");
        }
        var timeline = Http.list(Http.get(client, "/api/v1/concerns/" + id, Logins.token(client, "head-qjny")).get("timeline"));
        assertTrue(timeline.stream().anyMatch(e -> "URGED".equals(e.get("type"))
                && String.valueOf(e.get("body")).contains("请今天内签收")), timeline.toString());
        browser.assertNoConsoleErrors();
    }

    private void sheet(Page page, String action, Runnable fill) {
        page.locator("[data-testid=action-" + action + "]").click();
        assertThat(page.locator("[data-testid=action-sheet]")).isVisible();
        if (fill != null) {
            fill.run();
        }
        page.locator("[data-testid=sheet-submit]").click();
        assertThat(page.locator("[data-testid=action-sheet]")).isHidden();
    }
}
