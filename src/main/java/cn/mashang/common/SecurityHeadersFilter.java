package cn.mashang.common;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Security headers on every answer, pages and API alike. Scripts only from our origin (no inline
 * script, no inline event handlers); no framing; no sniffing; no referrer leaks of tracking links.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter implements Ordered {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

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
        h.add("Content-Security-Policy", CSP);
    }
}
