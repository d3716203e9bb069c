package cn.mashang.reception;

import cn.mashang.portal.StaticPages;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/** Pages of reception days: resident booking (/r/{sessionId}), staff reception desk, the deputy's archive. */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(StaticPages.HTML)
class ReceptionPages {
    private final StaticPages pages;

    ReceptionPages(StaticPages pages) {
        this.pages = pages;
    }

    @Get("/r/{sessionId}")
    HttpResponse<String> booking(long sessionId) {
        return pages.page("reception-book");
    }

    @Get("/manage/reception")
    HttpResponse<String> manage() {
        return pages.page("manage-reception");
    }

    @Get("/work/archive")
    HttpResponse<String> archive() {
        return pages.page("work-archive");
    }
}
