package cn.mashang.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's Chromium, headless, as a phone in WeChat's in-app browser: 390×844, device scale 2, touch,
 * WeChat's Android user agent, zh-CN. No browser download (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
 * Keeps the console errors of every page, records every page visited ({@link PageVisits}) and saves numbered
 * screenshots under target/e2e-screenshots.
 */
final class PhoneBrowser implements AutoCloseable {
    static final String WECHAT_UA = "Mozilla/5.0 (Linux; Android 13; V2183A Build/TP1A.220624.014; wv) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 "
            + "XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2585 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 "
            + "Weixin NetType/WIFI Language/zh_CN ABI/arm64";
    private static final Path SHOTS = Paths.get(System.getProperty("e2e.screenshots", "target/e2e-screenshots"));

    private final Playwright playwright;
    private final Browser browser;
    private final String journey;
    private final List<String> consoleErrors = new ArrayList<>();
    private final List<String> expected = new ArrayList<>();
    private int shot;

    PhoneBrowser(String journey) {
        this.journey = journey;
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("e2e.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** A fresh phone (its own storage: a different resident or a different staff member). */
    BrowserContext phone() {
        return phone(390, 844);
    }

    BrowserContext phone(int width, int height) {
        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
                .setUserAgent(WECHAT_UA).setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
        ctx.setDefaultTimeout(15_000);
        ctx.onPage(this::watch);
        return ctx;
    }

    private void watch(Page page) {
        page.onResponse(r -> {
            if (r.request().isNavigationRequest() && r.frame() == page.mainFrame()) {
                PageVisits.navigated(journey, URI.create(r.url()).getPath(), r.status());
            }
        });
        page.onDOMContentLoaded(p -> {
            try {
                Object name = p.evaluate("() => document.querySelector('meta[name=mashang-page]')?.content ?? null");
                if (name instanceof String n) {
                    PageVisits.shown(journey, n);
                }
            } catch (PlaywrightException e) {
                // the page moved on before it could be read (e.g. a script sent it to /login): its response counts
            }
        });
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(page.url() + " :: " + m.text());
            }
        });
        page.onPageError(e -> consoleErrors.add(page.url() + " :: uncaught " + e));
    }

    /** Saves target/e2e-screenshots/{journey}-{nn}-{name}.png (full page). */
    void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SHOTS);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(SHOTS.resolve(String.format("%s-%02d-%s.png", journey, ++shot, name))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void assertNoConsoleErrors() {
        assertEquals(List.of(), consoleErrors.stream().filter(e -> expected.stream().noneMatch(e::contains)).toList(),
                "console errors");
    }

    /** A page answered with an error status on purpose (a revoked code's 410): Chromium logs its load, that is all. */
    void expectPageStatus(String path, int status) {
        expected.add(path + " :: Failed to load resource: the server responded with a status of " + status + " ");
    }

    List<String> consoleErrors() {
        return consoleErrors;
    }

    // ---- accessibility and robustness checks on the page as it is now ----

    /** Every visible input, select and textarea has a label (label[for], a wrapping label, or aria-label). */
    static void assertInputsLabelled(Page page) {
        Object unlabelled = page.evaluate("""
                () => [...document.querySelectorAll('input, select, textarea')]
                  .filter(e => e.type !== 'hidden')
                  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
                  .map(e => e.outerHTML.slice(0, 120))""");
        assertEquals(List.of(), unlabelled, "inputs without a label on " + page.url());
    }

    /** Buttons, button-like links, cells and choice labels are at least 44 px tall (CSS px). */
    static void assertTapTargets(Page page) {
        Object small = page.evaluate("""
                () => [...document.querySelectorAll('button, a.btn, a.cell, .choices label, .tabs a, [role=tab], input[type=submit]')]
                  .filter(e => e.offsetParent !== null)
                  .map(e => ({ html: e.outerHTML.slice(0, 80), h: e.getBoundingClientRect().height }))
                  .filter(x => x.h < 44)""");
        assertEquals(List.of(), small, "tap targets under 44 px on " + page.url());
    }

    /** Nothing is wider than the viewport (no horizontal scrolling). */
    static void assertNoHorizontalScroll(Page page) {
        Object overflow = page.evaluate("""
                () => { const w = document.documentElement.clientWidth;
                  const wide = [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.scroll'))
                    .slice(0, 3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
                  return { scroll: document.documentElement.scrollWidth, client: w, wide: wide.join(' | ') }; }""");
        @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) overflow;
        assertTrue(((Number) m.get("scroll")).intValue() <= ((Number) m.get("client")).intValue(),
                () -> "horizontal scrolling on " + page.url() + ": " + m);
    }

    /** At 320 px, and at 200% zoom of a 390 px phone (195 CSS px), the page still fits its width. */
    static void assertNarrowAndZoomed(Page page) {
        var original = page.viewportSize();
        for (int width : new int[]{320, 195}) {
            page.setViewportSize(width, original.height);
            page.waitForTimeout(100);
            assertNoHorizontalScroll(page);
        }
        page.setViewportSize(original.width, original.height);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
