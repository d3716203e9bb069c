package cn.mashang.wechat;

import cn.mashang.Http;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WeChat routes' matrix (they are anonymous at the HTTP layer and decide by the resident token, so
 * RouteScopeMatrixTest skips them): every /api/v1/wechat route is listed here with who may call it, and none gives
 * a 2xx to a caller without a device token or to a device that does not own the concern; plus the JS-SDK signature.
 */
@MicronautTest(transactional = false)
class WeChatRoutesTest extends WeChatTestBase {
    /** Every WeChat route and its rule. A new route fails {@link #everyWeChatRouteIsAnonymousAndListedWithItsRule}. */
    static final Map<String, String> ROUTES = Map.of(
            "GET /api/v1/wechat/status", "anyone; bound only for a signed-in device; a concern only its device's (else 404)",
            "POST /api/v1/wechat/oauth/start", "a device token (401 without)",
            "POST /api/v1/wechat/oauth/bind", "a device token and a state issued to that device (400 otherwise)",
            "POST /api/v1/wechat/subscriptions/start", "a signed-in device that may open the concern (404 otherwise)",
            "POST /api/v1/wechat/subscriptions/confirm", "as start, plus a reserved issued to that device and concern",
            "GET /api/v1/wechat/jssdk-config", "anyone, for pages of this site only (400 otherwise)");

    @Inject
    Router router;

    @Test
    void everyWeChatRouteIsAnonymousAndListedWithItsRule() {
        Set<String> seen = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        router.uriRoutes().forEach(r -> {
            String key = r.getHttpMethod() + " " + r.getUriMatchTemplate().toPathString();
            if (!key.contains(" /api/v1/wechat") || r.getHttpMethod() == HttpMethod.HEAD) {
                return;
            }
            seen.add(key);
            if (!Set.of(r.getAnnotationMetadata().stringValues(Secured.class)).equals(Set.of(SecurityRule.IS_ANONYMOUS))) {
                problems.add(key + " is not @Secured(IS_ANONYMOUS): it checks the resident token itself");
            }
        });
        assertEquals(List.of(), problems);
        assertEquals(new TreeSet<>(ROUTES.keySet()), seen);
    }

    @Test
    void noWeChatRouteGivesA2xxToAStrangerOfTheConcern() {
        String owner = newToken();
        String trackingNo = (String) submit(owner).get("trackingNo");
        signIn(owner, openid());
        String stranger = newToken();
        signIn(stranger, openid());
        Map<String, Object> body = Map.of("trackingNo", trackingNo, "returnPath", "/t/" + trackingNo, "code", "CODEx",
                "state", "1x0000000000000000x00000000000000000000000000000000", "openid", openid(), "templateId",
                FakeWeChat.TEMPLATE, "action", "confirm", "scene", 1000, "reserved",
                "1x0000000000000000x00000000000000000000000000000000");
        List<String> breaches = new ArrayList<>();
        for (String caller : new String[]{null, stranger}) {
            for (String key : ROUTES.keySet()) {
                if (caller != null && key.equals("POST /api/v1/wechat/oauth/start")) {
                    continue;   // the caller's own sign-in (and nothing of the concern's): 200 for any device
                }
                String[] parts = key.split(" ");
                String path = parts[1] + (parts[1].endsWith("status") ? "?trackingNo=" + trackingNo
                        : parts[1].endsWith("jssdk-config") ? "?url=https://evil.example/" : "");
                MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.valueOf(parts[0]), path);
                if (parts[0].equals("POST")) {
                    request.body(body);
                }
                if (caller != null) {
                    request.header("X-Resident-Token", caller);
                }
                int status;
                try {
                    status = http.toBlocking().exchange(request, String.class).code();
                } catch (HttpClientResponseException e) {
                    status = e.getStatus().getCode();
                }
                if (status < 400 || status >= 500) {
                    breaches.add(key + " as " + (caller == null ? "anonymous" : "stranger") + " → " + status);
                }
            }
        }
        assertEquals(List.of(), breaches);
    }

    @Test
    void theJsSdkSignatureIsTheSha1OfTheSortedStringOfTicketNonceTimestampAndUrl() throws Exception {
        String url = "http://localhost:8080/t/LL-20260101-000001?from=wechat";
        Map<String, Object> c = call(HttpRequest.GET("/api/v1/wechat/jssdk-config?url=" + FakeWeChat.enc(url)), null);
        String plain = "jsapi_ticket=" + FakeWeChat.TICKET + "&noncestr=" + c.get("nonceStr") + "&timestamp="
                + c.get("timestamp") + "&url=" + url;
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(plain.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, c.get("signature"));
        assertEquals(FakeWeChat.APP_ID, c.get("appId"));
        assertEquals("https://res.wx.qq.com/open/js/jweixin-1.6.0.js", c.get("jssdkUrl"));
        long now = System.currentTimeMillis() / 1000;
        assertTrue(Math.abs(((Number) c.get("timestamp")).longValue() - now) < 60);
    }

    @Test
    void aUrlOfAnotherSiteOrWithAFragmentIsNotSigned() {
        for (String url : List.of("https://evil.example/x", "http://localhost:8080.evil.example/x", "http://localhost:8080/my#k=1")) {
            Http.problem(http.toBlocking(), HttpRequest.GET("/api/v1/wechat/jssdk-config?url=" + FakeWeChat.enc(url)), 400);
        }
    }

    @Test
    void pagesMayLoadTheJsSdkFromResWxQqCom() {
        String csp = http.toBlocking().exchange(HttpRequest.GET("/my"), String.class).header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self' https://res.wx.qq.com;"), csp);
    }
}
