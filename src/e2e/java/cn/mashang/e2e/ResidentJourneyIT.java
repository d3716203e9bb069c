package cn.mashang.e2e;

import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
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

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.list;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A resident scans the wall code of a station in WeChat, reads the station, raises a concern, follows it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentJourneyIT {
    static final String STATION_CODE = "zhan222222";
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    PhoneBrowser browser;

    @BeforeAll
    void start() {
        browser = new PhoneBrowser("resident");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    String url(String path) {
        return server.getURL() + path;
    }

    @Test
    void aResidentScansTheStationCodeSubmitsAConcernWithAPhotoAndFollowsItByTheLink() {
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            page.navigate(url("/s/" + STATION_CODE));
            assertThat(page.locator("h1")).containsText("清洁能源基地");
            assertThat(page.getByText("王建华").first()).isVisible();
            browser.screenshot(page, "station-page");
            PhoneBrowser.assertTapTargets(page);
            PhoneBrowser.assertNarrowAndZoomed(page);

            page.getByText("我要反映").click();
            page.waitForURL("**/c/new?code=" + STATION_CODE);
            assertThat(page.locator("#form")).isVisible();
            page.locator(".choices label", new Page.LocatorOptions().setHasText("基础设施")).click();
            page.locator("#content").fill("梧桐工业园区东门外的路灯坏了半个月，晚上下班路过很不安全，希望尽快修好。");
            page.locator("#address").fill("孝义市梧桐工业园区东门");
            page.locator("#photo-input").setInputFiles(TestImages.streetPhoto());
            assertThat(page.locator("#photos img").first()).isVisible();
            page.locator("#contactName").fill("张先生");
            page.locator("#mobile").fill("13912345678");
            page.locator("#consent").check();
            PhoneBrowser.assertInputsLabelled(page);
            PhoneBrowser.assertNarrowAndZoomed(page);
            browser.screenshot(page, "form-filled");

            page.locator("#submit").click();
            assertThat(page.getByText("提交成功")).isVisible();
            String trackingNo = page.locator(".tracking-no").innerText().trim();
            assertTrue(trackingNo.matches("LL-\\d{8}-\\d{6}"), trackingNo);
            browser.screenshot(page, "submitted");
            PhoneBrowser.assertTapTargets(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看办理进度")).click();
            page.waitForURL("**/t/" + trackingNo + "**");
            assertThat(page.getByText("待受理").first()).isVisible();
            assertThat(page.getByText("梧桐工业园区东门外的路灯坏了半个月")).isVisible();
            assertThat(page.locator(".photos img").first()).isVisible();
            assertTrue(!page.content().contains("13912345678"), "the tracking page never shows the full mobile number");
            browser.screenshot(page, "tracking");
            PhoneBrowser.assertNarrowAndZoomed(page);

            page.navigate(url("/my"));
            assertThat(page.getByText(trackingNo)).isVisible();
            browser.screenshot(page, "my-concerns");
        }
        browser.assertNoConsoleErrors();
    }

    @Test
    void onASlowNetworkALostAnswerAndAResubmitStillGiveOneConcernAndTheSameTrackingLink() {
        String token = "#" + System.nanoTime();
        String content = token + " 信义镇农贸市场周边停车混乱，早高峰经常堵车，建议规划临时停车位。";
        AtomicInteger posts = new AtomicInteger();
        try (BrowserContext phone = browser.phone()) {
            Page page = phone.newPage();
            var cdp = phone.newCDPSession(page);
            cdp.send("Network.enable");
            cdp.send("Network.emulateNetworkConditions", new com.google.gson.JsonParser()
                    .parse("{\"offline\":false,\"latency\":400,\"downloadThroughput\":50000,\"uploadThroughput\":20000}")
                    .getAsJsonObject());
            // the first submission reaches the server, but its answer is lost on the way back
            page.route("**/api/v1/concerns", route -> {
                if (!"POST".equals(route.request().method())) {
                    route.resume();
                } else if (posts.incrementAndGet() == 1) {
                    route.fetch();
                    route.abort("connectionreset");
                } else {
                    route.resume();
                }
            });
            page.navigate(url("/c/new?code=" + STATION_CODE));
            page.locator(".choices label", new Page.LocatorOptions().setHasText("停车出行")).click();
            page.locator("#content").fill(content);
            page.locator("#submit").click();
            assertThat(page.locator("#form-error .error-box")).isVisible();
            browser.screenshot(page, "network-lost");
            page.locator("#submit").click();
            assertThat(page.getByText("提交成功")).isVisible();
            String trackingNo = page.locator(".tracking-no").innerText().trim();
            browser.screenshot(page, "resubmitted");
            assertEquals(2, posts.get());

            String head = Logins.token(http.toBlocking(), "head-qjny");
            var queue = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/stations/" + ids.station(DemoIds.QJNY)
                    + "/queue?size=50").bearerAuth(head), MAP);
            long same = list(queue.get("items")).stream()
                    .filter(c -> String.valueOf(c.get("summary")).startsWith(token)).count();
            assertEquals(1, same, "exactly one concern for the doubled submission");
            assertTrue(list(queue.get("items")).stream().anyMatch(c -> trackingNo.equals(c.get("trackingNo"))));
        }
    }
}
