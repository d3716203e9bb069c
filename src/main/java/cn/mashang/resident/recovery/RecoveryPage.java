package cn.mashang.resident.recovery;

import cn.mashang.portal.StaticPages;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/** The resident page 找回我的反映 (/recover): by mobile and a one-time code, served like /my. */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(StaticPages.HTML)
class RecoveryPage {
    private final StaticPages pages;

    RecoveryPage(StaticPages pages) {
        this.pages = pages;
    }

    @Get("/recover")
    HttpResponse<String> recover() {
        return pages.page("recover");
    }
}
