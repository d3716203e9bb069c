package cn.mashang.suggestion;

import cn.mashang.portal.StaticPages;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Pages of 代表建议 and 走访 (data from the API with the staff token): the deputy's (/work/suggestions, draft from
 * concerns, rate the reply; /work/visits), the committee's (/manage/suggestions) and the unit's (/dept/suggestions).
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(StaticPages.HTML)
class SuggestionPages {
    private final StaticPages pages;

    SuggestionPages(StaticPages pages) {
        this.pages = pages;
    }

    @Get("/work/suggestions")
    HttpResponse<String> deputy() {
        return pages.page("work-suggestions");
    }

    @Get("/work/visits")
    HttpResponse<String> visits() {
        return pages.page("work-visits");
    }

    @Get("/manage/suggestions")
    HttpResponse<String> committee() {
        return pages.page("suggestions-desk");
    }

    @Get("/dept/suggestions")
    HttpResponse<String> unit() {
        return pages.page("suggestions-desk");
    }
}
