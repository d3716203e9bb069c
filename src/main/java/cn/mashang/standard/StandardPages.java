package cn.mashang.standard;

import cn.mashang.portal.StaticPages;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * /manage/standards: a head fills the station's checklist and reads the reviews (?station=); the committee sees its
 * region's stations with open items and reviews a station's items on the same page. Static; data from the API.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(StaticPages.HTML)
class StandardPages {
    private final StaticPages pages;

    StandardPages(StaticPages pages) {
        this.pages = pages;
    }

    @Get("/manage/standards")
    HttpResponse<String> standards() {
        return pages.page("manage-standards");
    }
}
