package cn.mashang.wechat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.mashang.Db;
import cn.mashang.Http;
import cn.mashang.common.Times;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 网页授权 (snsapi_base) against the local WeChat: the code becomes the openid, and 我的反映 follows it. */
@MicronautTest(transactional = false)
class WeChatSignInTest extends WeChatTestBase {
    @Inject
    WeChatState states;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    WeChatIdentities identities;

    static String device(String token) {
        return cn.mashang.resident.ResidentTokens.device(token.split("\\.")[1]).id();
    }

    @Test
    void theAuthorizeUrlIsWeChatsSnsapiBaseUrlComingBackToOurPageWithAState() {
        URI url = URI.create(authorizeUrl(newToken()));
        Map<String, String> q = FakeWeChat.query(url.getRawQuery());
        assertEquals(wechat.base() + "/connect/oauth2/authorize", url.getScheme() + "://" + url.getAuthority() + url.getPath());
        assertEquals(FakeWeChat.APP_ID, q.get("appid"));
        assertEquals("http://localhost:8080/my", q.get("redirect_uri"));
        assertEquals("snsapi_base", q.get("scope"));
        assertEquals("code", q.get("response_type"));
        assertTrue(q.get("state").matches("[a-zA-Z0-9]{1,128}"), q.get("state"));
        assertEquals("wechat_redirect", url.getFragment());
    }

    @Test
    void aSecondPhoneSignedIntoTheSameWeChatSeesTheFirstPhonesConcerns() {
        String openid = openid();
        String first = newToken();
        String trackingNo = (String) submit(first).get("trackingNo");
        assertEquals(Map.of("bound", true, "concerns", 1), signIn(first, openid));

        String second = newToken();
        assertEquals(0, Http.list(call(HttpRequest.GET("/api/v1/my/concerns"), second).get("items")).size());
        assertEquals(Map.of("bound", true, "concerns", 1), signIn(second, openid));
        var items = Http.list(call(HttpRequest.GET("/api/v1/my/concerns"), second).get("items"));
        assertEquals(List.of(trackingNo), items.stream().map(i -> i.get("trackingNo")).toList());
        // and it opens without the secret link
        assertEquals(trackingNo, call(HttpRequest.GET("/api/v1/track/" + trackingNo), second).get("trackingNo"));
        assertEquals(true, call(HttpRequest.GET("/api/v1/wechat/status"), second).get("bound"));
    }

    @Test
    void anotherWeChatDoesNotSeeTheConcerns() {
        String first = newToken();
        String trackingNo = (String) submit(first).get("trackingNo");
        signIn(first, openid());
        String stranger = newToken();
        signIn(stranger, openid());
        assertEquals(0, Http.list(call(HttpRequest.GET("/api/v1/my/concerns"), stranger).get("items")).size());
        Http.problem(http.toBlocking(), HttpRequest.GET("/api/v1/track/" + trackingNo).header("X-Resident-Token", stranger), 404);
    }

    @Test
    void aStateIssuedForAnotherDeviceIsRefusedWith400() {
        String victim = newToken();
        Map<String, String> back = wechatReturns(authorizeUrl(newToken()), openid(), null);
        var problem = Http.problem(http.toBlocking(), HttpRequest.POST("/api/v1/wechat/oauth/bind",
                Map.of("code", back.get("code"), "state", back.get("state"))).header("X-Resident-Token", victim), 400);
        assertTrue(String.valueOf(problem.get("detail")).startsWith("state:"), problem::toString);
        assertEquals(0, Db.count(tx, "SELECT COUNT(*) FROM wechat_device WHERE device_id = ?", device(victim)));
    }

    @Test
    void anExpiredStateIsRefusedWith400() {
        String token = newToken();
        String stale = states.issue(WeChatAuth.PURPOSE, device(token), "", Times.now().minusSeconds(1));
        Map<String, String> back = wechatReturns(authorizeUrl(token), openid(), null);
        Http.problem(http.toBlocking(), HttpRequest.POST("/api/v1/wechat/oauth/bind",
                Map.of("code", back.get("code"), "state", stale)).header("X-Resident-Token", token), 400);
    }

    @Test
    void anInvalidCodeIsRefusedWith400() {
        String token = newToken();
        Map<String, String> back = wechatReturns(authorizeUrl(token), openid(), null);
        var bad = HttpRequest.POST("/api/v1/wechat/oauth/bind", Map.of("code", "CODEnotIssuedByWeChat", "state",
                back.get("state"))).header("X-Resident-Token", token);
        var problem = Http.problem(http.toBlocking(), bad, 400);
        assertTrue(String.valueOf(problem.get("detail")).startsWith("code:"), problem::toString);
    }

    @Test
    void aCodeIsGoodOnlyOnce() {
        String token = newToken();
        Map<String, String> back = wechatReturns(authorizeUrl(token), openid(), null);
        var bind = Map.of("code", back.get("code"), "state", back.get("state"));
        call(HttpRequest.POST("/api/v1/wechat/oauth/bind", bind), token);
        Http.problem(http.toBlocking(), HttpRequest.POST("/api/v1/wechat/oauth/bind", bind).header("X-Resident-Token", token), 400);
    }

    @Test
    void withoutADeviceTokenSignInIs401() {
        Http.problem(http.toBlocking(), HttpRequest.POST("/api/v1/wechat/oauth/start", Map.of("returnPath", "/my")), 401);
    }

    @Test
    void theReturnPathMustBeAPageOfThisSite() {
        for (String path : List.of("https://evil.example/", "//evil.example/x", "/my?x=1", "/../etc")) {
            Http.problem(http.toBlocking(), HttpRequest.POST("/api/v1/wechat/oauth/start", Map.of("returnPath", path))
                    .header("X-Resident-Token", newToken()), 400);
        }
    }

    @Test
    void theOpenidIsStoredOnlyAsCiphertextAndKeyedHashAndNeverAnsweredOrLogged() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        String openid = openid();
        try {
            String token = newToken();
            String trackingNo = (String) submit(token).get("trackingNo");
            signIn(token, openid);
            call(HttpRequest.GET("/api/v1/wechat/status?trackingNo=" + trackingNo), token);
            call(HttpRequest.GET("/api/v1/my/concerns"), token);
            call(HttpRequest.GET("/api/v1/track/" + trackingNo), token);
            subscribe(token, trackingNo, openid, "confirm");
        } finally {
            root.detachAppender(logs);
        }
        assertFalse(bodies.isEmpty());
        bodies.forEach(b -> assertFalse(b.contains(openid), b));
        logs.list.forEach(e -> assertFalse(e.getFormattedMessage().contains(openid), e.getFormattedMessage()));
        assertEquals(0, Db.count(tx, "SELECT COUNT(*) FROM wechat_identity WHERE openid_enc LIKE ? OR openid_hash LIKE ?",
                "%" + openid + "%", "%" + openid + "%"));
        assertEquals(1, Db.count(tx, "SELECT COUNT(*) FROM wechat_identity WHERE openid_hash = ?", identities.hash(openid)));
    }
}
