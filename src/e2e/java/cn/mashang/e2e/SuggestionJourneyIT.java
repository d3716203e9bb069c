package cn.mashang.e2e;

import cn.mashang.Db;
import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.concern.Intake;
import cn.mashang.suggestion.SuggestionCalls;
import com.microsoft.playwright.BrowserContext;
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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 代表建议 on a 390 px phone (issue 24): the deputy drafts a suggestion from two of their concerns (one closed as
 * 受政策法规所限), the committee registers and assigns it and the unit replies (API); the deputy reads the reply on
 * the phone and rates it 不满意, reads the second reply and rates it 满意; the resident's tracking page shows the link.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuggestionJourneyIT {
    static final String DEPUTY = "13800000001";   // 王建华, 清洁能源
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
        browser = new PhoneBrowser("suggestion");
        client = http.toBlocking();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    String url(String path) {
        return server.getURL() + path;
    }

    /** A resident's concern at 清洁能源 that the deputy accepted and then closed with the given action. */
    Map<String, Object> handled(String content, String action, Map<String, Object> fields) {
        String code = (String) Http.get(client, "/api/v1/stations/" + ids.station(DemoIds.QJNY)).get("code");
        Map<String, Object> answer = Intake.submit(client, Intake.body(code, content));
        long id = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", answer.get("trackingNo"));
        concernAct(id, "accept", Map.of());
        concernAct(id, action, fields);
        return answer;
    }

    void concernAct(long id, String action, Map<String, Object> fields) {
        String token = Logins.token(client, DEPUTY);
        Map<String, Object> body = new HashMap<>(fields);
        body.put("version", Http.get(client, "/api/v1/concerns/" + id, token).get("version"));
        client.retrieve(HttpRequest.POST("/api/v1/concerns/" + id + "/actions/" + action, body).bearerAuth(token), Http.MAP);
    }

    void act(String login, long id, String action, Object... kv) {
        SuggestionCalls.act(client, login, id, action, kv);
    }

    void rate(Page page, String rating, String comment) {
        page.locator("[data-testid=action-rate]").click();
        page.locator("label[for=rating-" + rating + "]").click();
        if (comment != null) {
            page.locator("[data-testid=field-comment]").fill(comment);
        }
        PhoneBrowser.assertInputsLabelled(page);
        page.locator("[data-testid=sheet-submit]").click();
        assertThat(page.locator("[data-testid=action-sheet]")).isHidden();
    }

    @Test
    void aDeputyDraftsASuggestionFromTwoConcernsOnThePhoneAndRatesTheRepliesUntilSatisfied() {
        String marker = "E2E" + System.nanoTime();
        var policy = handled(marker + " 希望村里通天然气，冬天取暖太贵", "resolve",
                Map.of("outcome", "NOT_SOLVABLE_BY_POLICY", "text", "管网规划暂未覆盖本村，受政策所限暂不能解决。"));
        var other = handled(marker + " 村口道路没有路灯", "reply", Map.of("text", "已向镇政府反映，列入明年计划。"));
        long suggestionId;
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            page.navigate(url("/work/suggestions"));
            page.waitForURL(u -> u.contains("/login?next="));
            page.locator("#login").fill(DEPUTY);
            page.locator("#password").fill("Demo@2026");
            page.locator("#submit").click();
            page.waitForURL(u -> u.endsWith("/work/suggestions"));
            assertThat(page.locator("[data-testid=tabbar] a[aria-current=page]")).hasText("建议");
            browser.screenshot(page, "my-suggestions");
            page.locator("[data-testid=draft-link]").click();
            page.waitForURL(u -> u.contains("new=1"));
            var first = page.locator("[data-testid=pick-concern][data-tracking='" + policy.get("trackingNo") + "']");
            assertThat(first).isVisible();
            assertThat(page.locator("[data-testid=concern-picker] .cell").first()).containsText("受政策法规所限");
            page.locator("[data-testid=draft-submit]").click();
            assertThat(page.locator(".field-error").first()).containsText("请至少选择一件群众反映");
            browser.screenshot(page, "draft-errors");
            first.check();
            page.locator("[data-testid=pick-concern][data-tracking='" + other.get("trackingNo") + "']").check();
            assertThat(page.locator("[data-testid=field-body]")).hasValue(java.util.regex.Pattern.compile(".*"
                    + policy.get("trackingNo") + ".*" + other.get("trackingNo") + ".*", java.util.regex.Pattern.DOTALL));
            page.locator("[data-testid=field-title]").fill("关于推进农村天然气管网和道路照明建设的建议");
            page.locator("[data-testid=field-sessionName]").fill("市三届人大八次会议");
            page.locator("[data-testid=field-category]").selectOption("城乡建设");
            var body = page.locator("[data-testid=field-body]");
            body.fill(body.inputValue() + "将管网延伸纳入十五五规划。");
            page.locator("[data-testid=pick-joint]").first().check();
            PhoneBrowser.assertInputsLabelled(page);
            PhoneBrowser.assertTapTargets(page);
            browser.screenshot(page, "draft");
            page.locator("[data-testid=draft-submit]").click();
            page.waitForURL(u -> u.contains("/work/suggestions?id="));
            suggestionId = Long.parseLong(page.url().replaceAll(".*id=", ""));
            assertThat(page.locator("[data-testid=state]")).hasText("已提交");
            assertThat(page.locator("[data-testid=concerns] .cell")).hasCount(2);
            browser.screenshot(page, "submitted");

            String number = "第" + UUID.randomUUID().toString().substring(0, 6) + "号";
            act("lvliang-admin", suggestionId, "register", "number", number);
            act("lvliang-admin", suggestionId, "assign", "leadDepartmentId", ids.department("孝义市", "孝义市住房和城乡建设局"),
                    "coDepartmentIds", java.util.List.of(ids.department("孝义市", "孝义市交通运输局")));
            act("dept-xiaoyi-zhujian", suggestionId, "reply", "text", "已将两村纳入明年管网延伸计划，路灯由镇政府年内安装。");

            page.reload();
            assertThat(page.locator("[data-testid=number]")).containsText(number);
            assertThat(page.locator("[data-testid=lead-unit]")).hasText("孝义市住房和城乡建设局");
            assertThat(page.locator("[data-testid=reply-due]")).isVisible();
            assertThat(page.locator("[data-testid=reply]")).containsText("纳入明年管网延伸计划");
            browser.screenshot(page, "replied");
            rate(page, "DISSATISFIED", "只列入计划，没有资金和时间表");
            assertThat(page.locator("[data-testid=state]")).hasText("办理中");
            assertThat(page.locator("[data-testid=event][data-type=REOPENED]")).isVisible();
            browser.screenshot(page, "second-handling");

            act("dept-xiaoyi-zhujian", suggestionId, "reply", "text", "二次答复：资金已落实，明年 6 月前完成管网延伸。");
            page.reload();
            assertThat(page.locator("[data-testid=reply]")).containsText("二次答复");
            rate(page, "SATISFIED", null);
            assertThat(page.locator("[data-testid=state]")).hasText("已办结");
            assertThat(page.locator("[data-testid=rating]")).hasText("满意");
            browser.screenshot(page, "closed");
        }
        try (BrowserContext resident = browser.phone()) {
            Page page = resident.newPage();
            page.navigate(url("/t/" + policy.get("trackingNo") + "#k=" + policy.get("key")));
            assertThat(page.locator("[data-testid=suggestion-link]")).hasCount(1);
            assertThat(page.locator("[data-testid=suggestion-link]")).containsText("关于推进农村天然气管网和道路照明建设的建议");
            assertThat(page.locator("[data-testid=suggestion-link]")).containsText("已办结");
            browser.screenshot(page, "resident-track");
        }
        browser.assertNoConsoleErrors();
    }
}
