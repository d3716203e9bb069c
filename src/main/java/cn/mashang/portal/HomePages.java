package cn.mashang.portal;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/** The start page (/): what 码上联络 is, find a station, 我的反映 and staff sign-in. */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(StaticPages.HTML)
class HomePages {
    private final StaticPages pages;

    HomePages(StaticPages pages) {
        this.pages = pages;
    }

    @Get("/")
    HttpResponse<String> home() {
        return pages.page("home");
    }
}
