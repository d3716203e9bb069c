package cn.mashang.qr;

import cn.mashang.common.ApiException;
import cn.mashang.portal.StaticPages;
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
    private final CodeLookup lookup;
    private final ScanCounter scans;
    private final StaticPages pages;
    private final JsonMapper json;

    CodePagesController(CodeViews views, CodeLookup lookup, ScanCounter scans, StaticPages pages, JsonMapper json) {
        this.views = views;
        this.lookup = lookup;
        this.scans = scans;
        this.pages = pages;
        this.json = json;
    }

    @Get("/s/{code}")
    HttpResponse<String> station(String code, @QueryValue @Nullable String from) {
        return page(code, ContactCode.Kind.STATION, from);
    }

    @Get("/d/{code}")
    HttpResponse<String> deputy(String code, @QueryValue @Nullable String from) {
        return page(code, ContactCode.Kind.DEPUTY, from);
    }

    /** Station head page: the station's codes, revoke buttons, poster downloads (data via the secured API). */
    @Get("/manage/codes")
    HttpResponse<String> manage() {
        return pages.page("manage-codes");
    }

    private HttpResponse<String> page(String token, ContactCode.Kind kind, String from) {
        CodeView view;
        try {
            view = views.view(token, kind);
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return pages.page("code-unknown", HttpStatus.NOT_FOUND);
            }
            throw e;
        }
        if (from == null) {
            lookup.find(token).map(ContactCode::id).ifPresent(scans::record);
        }
        if (!view.active()) {
            var r = pages.page("code-gone", HttpStatus.GONE);
            String current = view.currentStationUrl() == null ? "/" : URI.create(view.currentStationUrl()).getRawPath();
            return r.body(r.body().replace("__STATION__", html(view.station().name())).replace("__CURRENT__", html(current)));
        }
        var r = pages.page("code");
        String title = view.deputy() != null ? view.deputy().name() + " · " + view.station().name() : view.station().name();
        return r.body(r.body().replace("__TITLE__", html(title)).replace("__CODE__", html(view.code()))
                .replace("__DATA__", dataBlock(view)));
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
