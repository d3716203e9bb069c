package cn.mashang.qr;

import cn.mashang.common.ApiException;
import cn.mashang.portal.StaticPages;
import cn.mashang.station.StationDetail;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The printed URLs: {@code /s/{code}} (station) and {@code /d/{code}} (deputy). The page carries the code's data
 * inline (a JSON data block, not a script), so it renders without waiting on an API call. Each visit counts a
 * scan (except in-page links, marked {@code ?from=}); revoked codes answer 410 "此二维码已停用" with a link to the
 * station's current page; unknown codes a friendly 404 page.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(StaticPages.HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class CodePagesController {
    private final CodeViews views;
    private final ScanCounter scans;
    private final StaticPages pages;
    private final JsonMapper json;
    /**
     * Finished pages (UTF-8 bytes) per code, each valid while the code lookup and the station's landing data it was
     * built from are the instances {@link CodeViews} still holds: a revocation, an edit or their TTL replaces those,
     * and the next scan builds the page again. JFR of the landing run: building the page (JSON of the view, three
     * substitutions into the template, UTF-8 encoding of the String body) was most of the path's own CPU.
     */
    private final Cache<String, Rendered> rendered;

    record Rendered(ContactCode code, StationDetail station, HttpStatus status, byte[] body) {
    }

    CodePagesController(CodeViews views, ScanCounter scans, StaticPages pages, JsonMapper json, QrConfig config,
                        MeterRegistry registry) {
        this.views = views;
        this.scans = scans;
        this.pages = pages;
        this.json = json;
        this.rendered = Caffeine.newBuilder().maximumWeight(config.landingCacheBytes())
                .weigher((String k, Rendered r) -> r.body().length + 128).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, rendered, "qr.landing-pages");
    }

    @Get("/s/{code}")
    HttpResponse<byte[]> station(String code, @QueryValue @Nullable String from) {
        return page(code, ContactCode.Kind.STATION, from);
    }

    @Get("/d/{code}")
    HttpResponse<byte[]> deputy(String code, @QueryValue @Nullable String from) {
        return page(code, ContactCode.Kind.DEPUTY, from);
    }

    /** Station head page: the station's codes, revoke buttons, poster downloads (data via the secured API). */
    @Get("/manage/codes")
    HttpResponse<String> manage() {
        return pages.page("manage-codes");
    }

    private HttpResponse<byte[]> page(String token, ContactCode.Kind kind, String from) {
        CodeViews.Source source;
        try {
            source = views.source(token, kind);
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return bytes(pages.page("code-unknown", HttpStatus.NOT_FOUND).body(), HttpStatus.NOT_FOUND);
            }
            throw e;
        }
        if (from == null) {
            scans.record(source.code().id());
        }
        Rendered r = rendered.getIfPresent(token);
        if (r == null || r.code() != source.code() || r.station() != source.station()) {
            r = render(source);
            rendered.put(token, r);
        }
        return bytes(r.body(), r.status());
    }

    private Rendered render(CodeViews.Source source) {
        CodeView view = views.view(source);
        if (!view.active()) {
            String current = view.currentStationUrl() == null ? "/" : URI.create(view.currentStationUrl()).getRawPath();
            String body = pages.page("code-gone", HttpStatus.GONE).body().replace("__STATION__", html(view.station().name()))
                    .replace("__CURRENT__", html(current));
            return new Rendered(source.code(), source.station(), HttpStatus.GONE, body.getBytes(StandardCharsets.UTF_8));
        }
        String title = view.deputy() != null ? view.deputy().name() + " · " + view.station().name() : view.station().name();
        String body = pages.page("code").body().replace("__TITLE__", html(title)).replace("__CODE__", html(view.code()))
                .replace("__DATA__", dataBlock(view));
        return new Rendered(source.code(), source.station(), HttpStatus.OK, body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> bytes(byte[] body, HttpStatus status) {
        return HttpResponse.<byte[]>status(status).contentType(StaticPages.HTML).header("Cache-Control", "no-cache").body(body);
    }

    private static HttpResponse<byte[]> bytes(String body, HttpStatus status) {
        return bytes(body.getBytes(StandardCharsets.UTF_8), status);
    }

    /** JSON that cannot end the data block or open markup: every <, > and & is written as a \\u escape. */
    private String dataBlock(CodeView view) {
        try {
            return json.writeValueAsString(view).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
