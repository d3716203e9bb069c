package cn.mashang.common;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Security headers on every answer, pages and API alike. Scripts only from our origin (no inline
 * script, no inline event handlers); no framing; no sniffing; no referrer leaks of tracking links. When a WeChat
 * official account is configured ({@code wechat.app-id}), scripts may also come from the JS-SDK's origin
 * ({@code wechat.jssdk-url}, res.wx.qq.com).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter implements Ordered {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private final String csp;

    SecurityHeadersFilter(@Nullable @Value("${wechat.app-id:}") String weChatAppId,
                          @Value("${wechat.jssdk-url:`https://res.wx.qq.com/open/js/jweixin-1.6.0.js`}") String jssdk) {
        this.csp = weChatAppId == null || weChatAppId.isBlank() ? CSP
                : CSP.replace("script-src 'self'", "script-src 'self' " + origin(java.net.URI.create(jssdk)));
    }

    private static String origin(java.net.URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** Outermost filter: its response filter also sees answers that inner filters (security: 401/403) cut short. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    void headers(MutableHttpResponse<?> response) {
        var h = response.getHeaders();
        h.add("X-Content-Type-Options", "nosniff");
        h.add("Referrer-Policy", "no-referrer");
        h.add("X-Frame-Options", "DENY");
        h.add("Content-Security-Policy", csp);
    }
}
