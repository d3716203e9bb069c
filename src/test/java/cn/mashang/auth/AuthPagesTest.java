package cn.mashang.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class AuthPagesTest {
    @Inject
    @Client("/")
    HttpClient http;

    private HttpResponse<String> get(String path) {
        return http.toBlocking().exchange(HttpRequest.GET(path), String.class);
    }

    @Test
    void theLoginPageIsServedAtItsCleanPathWithLabelledInputs() {
        HttpResponse<String> page = get("/login");
        assertEquals(200, page.code());
        assertTrue(page.getContentType().orElseThrow().toString().startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("<label for=\"login\">账号</label>") && html.contains("<label for=\"password\">密码</label>"));
        assertTrue(html.contains("name=\"viewport\"") && html.contains("/static/css/auth.css"));
    }

    @Test
    void theMyAccountPageShowsRoleStationsPasswordFormAndLogout() {
        String html = get("/me").body();
        assertTrue(html.contains("我的账号") && html.contains("修改密码") && html.contains("退出登录"), html);
    }

    @Test
    void thePageScriptAndStylesAreServed() {
        String login = get("/static/js/login.js").body();
        assertTrue(login.contains("api('/api/v1/auth/login'") && login.contains("saveTokens(tokens)"), login);
        assertTrue(get("/static/css/auth.css").body().contains(".btn-primary"));
    }
}
