package cn.mashang.concern.intake;

import cn.mashang.portal.StaticPages;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/** Resident pages: the form (/c/new?code=…), the tracking page (/t/{no}#k=…) and 我的反映 (/my). */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(StaticPages.HTML)
class IntakePages {
    private final StaticPages pages;

    IntakePages(StaticPages pages) {
        this.pages = pages;
    }

    @Get("/c/new")
    HttpResponse<String> form() {
        return pages.page("concern-new");
    }

    @Get("/t/{trackingNo}")
    HttpResponse<String> track(String trackingNo) {
        return pages.page("track");
    }

    @Get("/my")
    HttpResponse<String> mine() {
        return pages.page("my");
    }
}
