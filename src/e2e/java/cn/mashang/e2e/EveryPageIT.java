package cn.mashang.e2e;

import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.portal.PageRoutes;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every page route of the router, visited as its role (resident pages anonymous, staff pages as the demo
 * deputy/liaison/head/admin/department), at 390 and 320 CSS px, in normal mode and in 长辈模式. On each: axe-core
 * serious/critical violations, console errors, failed API calls (≥ 400), stray null/undefined/NaN/[object …], horizontal
 * overflow at 320 px, text under 14 px (normal) and, on resident pages in 长辈模式, text ≥ 20 px, line height ≥ 1.5
 * and 60 × 60 px targets. All findings of all pages are collected (and written to target/e2e-screenshots/pages/
 * audit.txt) before the suite fails with the list; screenshots go to target/e2e-screenshots/pages/.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageIT {
    private static final Path SHOTS = Paths.get(System.getProperty("e2e.screenshots", "target/e2e-screenshots")).resolve("pages");
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    Router router;
    @Inject
    JsonMapper json;
    @Inject
    TransactionOperations<Connection> tx;
    PhoneBrowser browser;
    BlockingHttpClient client;
    EveryPageData data;

    @BeforeAll
    void start() {
        browser = new PhoneBrowser("pages");
        client = http.toBlocking();
        data = EveryPageData.create(client, ids, tx);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void everyPageRouteIsUsableAsItsRoleAt390And320PxInNormalAndElderMode() throws IOException {
        Map<String, EveryPageData.Visit> visits = data.visits();
        assertEquals(new TreeSet<>(PageRoutes.of(router).keySet()), new TreeSet<>(routesOf(visits)),
                "EveryPageIT must know how to visit every page route (add the new route to EveryPageData.visits)");
        Map<String, List<String>> findings = new LinkedHashMap<>();
        List<String> table = new ArrayList<>();
        for (var e : visits.entrySet()) {
            for (boolean elder : new boolean[]{false, true}) {
                List<String> found = visit(e.getKey(), e.getValue(), elder);
                String mode = elder ? "elder" : "normal";
                table.add(String.format("%-22s %-10s %-6s axe=%d findings=%d", e.getKey(), e.getValue().role(), mode,
                        PageAudit.axeCount(found), found.size()));
                if (!found.isEmpty()) {
                    findings.put(e.getKey() + " (" + e.getValue().role() + ", " + mode + ")", found);
                }
            }
        }
        Files.createDirectories(SHOTS);
        StringBuilder report = new StringBuilder(String.join("\n", table)).append("\n\n");
        findings.forEach((k, v) -> report.append(k).append('\n').append(String.join("\n", v.stream().map(x -> "  - " + x).toList())).append('\n'));
        Files.writeString(SHOTS.resolve("audit.txt"), report);
        System.out.println(report);
        assertEquals(Map.of(), findings, "findings per page (also in target/e2e-screenshots/pages/audit.txt)");
    }

    @Test
    void elderModeIsOneTapAwayAndRemembered() {
        try (BrowserContext ctx = browser.phone(390, 844)) {
            Page page = ctx.newPage();
            page.navigate(server.getURL() + "/s/" + data.stationCode());
            page.locator("[data-testid=elder-toggle]").click();
            assertEquals(true, page.evaluate("() => document.documentElement.classList.contains('elder')"));
            page.reload();
            assertEquals(true, page.evaluate("() => document.documentElement.classList.contains('elder')"));
            assertEquals("true", page.locator("[data-testid=elder-toggle]").getAttribute("aria-pressed"));
            page.locator("[data-testid=elder-toggle]").click();
            page.reload();
            assertEquals(false, page.evaluate("() => document.documentElement.classList.contains('elder')"));
        }
    }

    private List<String> visit(String name, EveryPageData.Visit v, boolean elder) {
        List<String> found = new ArrayList<>();
        try (BrowserContext ctx = browser.phone(390, 844)) {
            StringBuilder init = new StringBuilder();
            init.append(elder ? "localStorage.setItem('mashang.elder','1');" : "localStorage.removeItem('mashang.elder');");
            if (v.login() != null) {
                init.append("localStorage.setItem('mashang.auth', ").append(quoted(tokens(v.login()))).append(");");
            }
            init.append(v.init());
            ctx.addInitScript(init.toString());
            Page page = ctx.newPage();
            List<String> console = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type()) && !(v.status() >= 400 && m.text().contains("status of " + v.status()))) {
                    console.add("console error: " + m.text());
                }
            });
            page.onPageError(err -> console.add("uncaught: " + err));
            page.onResponse(r -> {
                if (r.url().contains("/api/") && r.status() >= 400) {
                    console.add("failed API call: " + r.request().method() + " " + r.url().replace(server.getURL().toString(), "") + " → " + r.status());
                }
            });
            page.navigate(server.getURL() + v.path());
            page.waitForLoadState(LoadState.NETWORKIDLE);
            page.waitForTimeout(150);
            String mode = elder ? "elder" : "normal";
            boolean resident = "resident".equals(v.role());
            for (int width : new int[]{390, 320}) {
                if (width != 390) {
                    page.setViewportSize(width, 844);
                    page.waitForTimeout(150);
                }
                String at = width + " px: ";
                PageAudit.axe(page).forEach(f -> found.add("axe " + at + f));
                PageAudit.strayText(page).forEach(f -> found.add(at + f));
                if (width == 320) {
                    PageAudit.overflow(page).forEach(f -> found.add(at + f));
                }
                PageAudit.smallText(page, elder && resident ? 20 : 14).forEach(f -> found.add(at + f));
                if (elder && resident) {
                    PageAudit.elderSizes(page).forEach(f -> found.add(at + f));
                }
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(SHOTS.resolve(name + "-" + v.role() + "-" + width + "-" + mode + ".png")));
            }
            console.stream().distinct().forEach(found::add);
            if (!page.url().contains(v.path().replaceAll("[?#].*", ""))) {
                found.add("left the page for " + page.url());
            }
        }
        return found.stream().distinct().toList();
    }

    private final Map<String, String> tokenJson = new LinkedHashMap<>();

    /** What login.js keeps in localStorage ('mashang.auth'), for the demo account. */
    private String tokens(String login) {
        return tokenJson.computeIfAbsent(login, l -> {
            Map<String, Object> t = Logins.login(client, l, Logins.PASSWORD);
            Map<String, Object> kept = Map.of("accessToken", t.get("accessToken"), "refreshToken", t.get("refreshToken"),
                    "account", t.get("account"), "expiresAt", System.currentTimeMillis() + 3_600_000L);
            try {
                return json.writeValueAsString(kept);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private String quoted(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> routesOf(Map<String, EveryPageData.Visit> visits) {
        var routes = PageRoutes.of(router);
        return visits.values().stream().map(v -> PageRoutes.templateOf(routes, v.path().replaceAll("[?#].*", ""))
                .orElse("(no route) " + v.path())).distinct().toList();
    }
}
