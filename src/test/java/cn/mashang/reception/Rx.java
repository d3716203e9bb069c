package cn.mashang.reception;

import cn.mashang.Http;
import cn.mashang.auth.Logins;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Small helpers of the reception tests. */
final class Rx {
    private Rx() {
    }

    static <T> MutableHttpRequest<T> as(MutableHttpRequest<T> req, String token) {
        return Logins.bearer(req, token);
    }

    static Map<String, Object> post(BlockingHttpClient c, String token, String uri, Object body) {
        return c.retrieve(as(HttpRequest.POST(uri, body), token), Http.MAP);
    }

    static Map<String, Object> get(BlockingHttpClient c, String token, String uri) {
        return c.retrieve(as(HttpRequest.GET(uri), token), Http.MAP);
    }

    static String address() {
        var r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    /** A resident booking from a fresh address; device token optional. */
    static HttpResponse<Map<String, Object>> book(BlockingHttpClient c, long sessionId, Object body, String deviceToken) {
        var req = HttpRequest.POST("/api/v1/sessions/" + sessionId + "/bookings", body).header("X-Forwarded-For", address());
        if (deviceToken != null) {
            req.header("X-Resident-Token", deviceToken);
        }
        return c.exchange(req, Http.MAP);
    }

    static long id(Map<String, Object> m) {
        return ((Number) m.get("id")).longValue();
    }

    static int num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).intValue();
    }

}
