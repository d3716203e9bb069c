package cn.mashang.auth;

import cn.mashang.portal.StaticPages;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The staff login page (/login) and "my account" (/me) at clean paths. Both are static shells: the page's
 * script calls the API with the token it keeps, so the HTML itself is public.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(StaticPages.HTML)
class AuthPageController {
    private final StaticPages pages;

    AuthPageController(StaticPages pages) {
        this.pages = pages;
    }

    @Get("/login")
    HttpResponse<String> login() {
        return pages.page("login");
    }

    @Get("/me")
    HttpResponse<String> me() {
        return pages.page("me");
    }
}
