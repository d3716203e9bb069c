package cn.mashang.wechat;

import cn.mashang.Http;
import cn.mashang.concern.Intake;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A context with the official account configured against {@link FakeWeChat}, and the resident's steps through the
 * real HTTP surface: a device token, a submission, 网页授权 (following WeChat's redirect), a subscription.
 * Every answer body is kept in {@link #bodies} (to prove no openid ever leaves the server).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WeChatTestBase implements TestPropertyProvider {
    final FakeWeChat wechat = new FakeWeChat();
    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private final java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ObjectMapper json;

    @Override
    public Map<String, String> getProperties() {
        return wechat.properties();
    }

    @AfterAll
    void stopWeChat() {
        wechat.server.stop(0);
    }

    static String openid() {
        return "oFake" + UUID.randomUUID().toString().replace("-", "").substring(0, 23);
    }

    /** Performs the request with the resident's token; answers the JSON body (and keeps its text). */
    Map<String, Object> call(MutableHttpRequest<?> request, String token) {
        if (token != null) {
            request.header("X-Resident-Token", token);
        }
        String text = http.toBlocking().exchange(request, String.class).body();
        bodies.add(text);
        try {
            return json.readValue(text, Http.MAP);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String newToken() {
        return (String) call(HttpRequest.GET("/api/v1/my/token"), null).get("residentToken");
    }

    /** Submits a concern from the device; answers trackingNo, key. */
    Map<String, Object> submit(String token) {
        var answer = Intake.submit(http.toBlocking(), Intake.body(Intake.STATION_CODE, "小区路灯坏了，晚上很黑"),
                UUID.randomUUID().toString(), token, Intake.randomAddress()).body();
        bodies.add(answer.toString());
        return answer;
    }

    /** The authorize URL for the device, as the page gets it. */
    String authorizeUrl(String token) {
        return (String) call(HttpRequest.POST("/api/v1/wechat/oauth/start", Map.of("returnPath", "/my")), token)
                .get("authorizeUrl");
    }

    /** WeChat's browser at a WeChat URL as the user {@code openid}: the query of the page WeChat sends it back to. */
    Map<String, String> wechatReturns(String url, String openid, String action) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(URI.create(url.replace("#wechat_redirect", "")))
                    .header("X-Fake-User", openid).header("X-Fake-Action", action == null ? "confirm" : action).GET().build();
            HttpResponse<Void> r = browser.send(request, HttpResponse.BodyHandlers.discarding());
            URI back = URI.create(r.headers().firstValue("Location").orElseThrow());
            return FakeWeChat.query(back.getRawQuery());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 网页授权 of the device as the WeChat user: start, WeChat's redirect, bind. Answers the bind answer. */
    Map<String, Object> signIn(String token, String openid) {
        Map<String, String> back = wechatReturns(authorizeUrl(token), openid, null);
        return call(HttpRequest.POST("/api/v1/wechat/oauth/bind", Map.of("code", back.get("code"), "state", back.get("state"))), token);
    }

    /** The resident subscribes (or cancels) on WeChat's confirmation page; answers the confirm answer. */
    Map<String, Object> subscribe(String token, String trackingNo, String openid, String action) {
        String url = (String) call(HttpRequest.POST("/api/v1/wechat/subscriptions/start",
                Map.of("trackingNo", trackingNo, "returnPath", "/t/" + trackingNo)), token).get("authorizeUrl");
        Map<String, String> back = wechatReturns(url, openid, action);
        return call(HttpRequest.POST("/api/v1/wechat/subscriptions/confirm", Map.of("trackingNo", trackingNo,
                "openid", back.get("openid"), "templateId", back.get("template_id"), "action", back.get("action"),
                "scene", Integer.parseInt(back.get("scene")), "reserved", back.get("reserved"))), token);
    }
}
