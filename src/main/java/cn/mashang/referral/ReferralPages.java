package cn.mashang.referral;

import cn.mashang.portal.StaticPages;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * Pages of the department loop: the department's inbox (/dept) and case (/dept/concerns/{id}), the committee's
 * overdue queue (/manage/overdue) and departments (/manage/departments). Static; data comes from the API with the
 * token kept by the one page client, js/api.js (the pages send the user to /login without one).
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(StaticPages.HTML)
class ReferralPages {
    private final StaticPages pages;

    ReferralPages(StaticPages pages) {
        this.pages = pages;
    }

    @Get("/dept")
    HttpResponse<String> inbox() {
        return pages.page("dept");
    }

    @Get("/dept/concerns/{id}")
    HttpResponse<String> concern(String id) {
        return pages.page("dept-concern");
    }

    @Get("/manage/overdue")
    HttpResponse<String> overdue() {
        return pages.page("manage-overdue");
    }

    @Get("/manage/departments")
    HttpResponse<String> departments() {
        return pages.page("manage-departments");
    }
}
