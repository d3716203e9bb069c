package cn.mashang.wechat;

import cn.mashang.Http;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without {@code wechat.app-id} (the default) no WeChat route, bean or script source exists. */
@MicronautTest(transactional = false)
class WeChatOffTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ApplicationContext context;

    @Test
    void withoutAnAppIdTheStatusSaysNotConfiguredAndEveryOtherWeChatRouteIs404() {
        var status = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/wechat/status?trackingNo=LL-20261201-000001").header("X-Resident-Token", "rt1.x.1.x"), Map.class);
        assertEquals(false, status.get("configured"));
        assertEquals(false, status.get("bound"));
        for (String key : WeChatRoutesTest.ROUTES.keySet()) {
            if (key.equals("GET /api/v1/wechat/status")) {
                continue;
            }
            String[] parts = key.split(" ");
            var request = HttpRequest.create(HttpMethod.valueOf(parts[0]), parts[1] + "?url=http%3A%2F%2Flocalhost%3A8080%2Fmy")
                    .header("X-Resident-Token", "rt1.x.1.x");
            if (parts[0].equals("POST")) {
                request.body(Map.of("returnPath", "/my"));
            }
            Http.problem(http.toBlocking(), request, 404);
        }
    }

    @Test
    void noWeChatChannelOrClientIsCreated() {
        assertFalse(context.containsBean(WeChatResidentChannel.class));
        assertFalse(context.containsBean(me.chanjar.weixin.mp.api.WxMpService.class));
    }

    @Test
    void pagesLoadScriptsOnlyFromTheSite() {
        String csp = http.toBlocking().exchange(HttpRequest.GET("/my"), String.class).header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertFalse(csp.contains("wx.qq.com"), csp);
    }
}
