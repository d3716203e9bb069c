package cn.mashang.dashboard;

import cn.mashang.portal.StaticPages;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/** The dashboard pages (shells; their data comes from the scoped JSON API with the staff token). */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(StaticPages.HTML)
class DashboardPages {
    private final StaticPages pages;

    DashboardPages(StaticPages pages) {
        this.pages = pages;
    }

    @Get("/manage/dashboard")
    HttpResponse<String> station() {
        return pages.page("manage-dashboard");
    }

    @Get("/manage/region")
    HttpResponse<String> region() {
        return pages.page("manage-region");
    }
}
