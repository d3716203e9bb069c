package cn.mashang.auth;

import cn.mashang.common.ApiException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staff login page (/login) and "my account" (/me) at clean paths. Both are static shells: the page's
 * script calls the API with the token it keeps, so the HTML itself is public.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class AuthPageController {
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    @Get("/login")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> login() {
        return page("public/login.html");
    }

    @Get("/me")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> me() {
        return page("public/me.html");
    }

    private HttpResponse<String> page(String resource) {
        String html = pages.computeIfAbsent(resource, r -> {
            try (InputStream in = AuthPageController.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) {
                    throw ApiException.notFound("页面");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return HttpResponse.ok(html).header("Cache-Control", "no-cache");
    }
}
