package cn.mashang.concern.work;

import cn.mashang.portal.StaticPages;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The deputy workspace on the phone: queues (/work, /work/station?id=), a concern (/work/concerns/{id}) and the
 * printable record (/manage/concerns/{id}/print). The pages are static; data comes from the API with the token
 * kept by the one page client (js/api.js), so the pages themselves are public and send the user to /login without one.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(StaticPages.HTML)
class WorkPages {
    private final StaticPages pages;

    WorkPages(StaticPages pages) {
        this.pages = pages;
    }

    @Get("/work")
    HttpResponse<String> queue() {
        return pages.page("work");
    }

    @Get("/work/station")
    HttpResponse<String> station() {
        return pages.page("work");
    }

    @Get("/work/concerns/{id}")
    HttpResponse<String> concern(String id) {
        return pages.page("work-concern");
    }

    @Get("/manage/concerns/{id}/print")
    HttpResponse<String> print(String id) {
        return pages.page("concern-print");
    }
}
