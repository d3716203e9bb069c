package cn.mashang.resident;

import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.concern.Intake;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The matrix of the resident routes of issue 19 (messages, recovery, booking cancel and 预约提醒): anonymous at the HTTP layer,
 * they decide by a tracking key, a device token or a recovery token, so RouteScopeMatrixTest skips them. Each is
 * listed here with its rule, and none gives a 2xx to a caller without the secret or with another concern's.
 */
@MicronautTest(transactional = false)
class ResidentRoutesTest {
    /** The routes and their rule; a new route under these paths fails until listed. */
    static final Map<String, String> ROUTES = Map.of(
            "GET /api/v1/track/{trackingNo}/notifications", "the concern's key, link key or device token (404 otherwise)",
            "PUT /api/v1/track/{trackingNo}/notifications", "as GET",
            "POST /api/v1/recovery/codes", "anyone: 202 whether or not the number has concerns (rate-limited)",
            "POST /api/v1/recovery/token", "the code sent to the number (400 otherwise)",
            "GET /api/v1/recovery/concerns", "a recovery token of the number (401 otherwise)",
            "POST /api/v1/bookings/{code}/cancel", "the device token that booked (4xx otherwise)",
            "GET /api/v1/bookings/{code}/notifications", "the device token that booked (404 otherwise)",
            "PUT /api/v1/bookings/{code}/notifications", "as GET");
    static final Set<String> OPEN_BY_DESIGN = Set.of("POST /api/v1/recovery/codes");

    @Inject
    Router router;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;

    static boolean covered(String key) {
        return key.contains(" /api/v1/recovery") || key.endsWith("/track/{trackingNo}/notifications") || key.endsWith("/bookings/{code}/cancel")
                || key.endsWith("/bookings/{code}/notifications");
    }

    @Test
    void everyResidentRouteOfTheIssueIsAnonymousAndListedWithItsRule() {
        Set<String> seen = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        router.uriRoutes().forEach(r -> {
            String key = r.getHttpMethod() + " " + r.getUriMatchTemplate().toPathString();
            if (!covered(key) || r.getHttpMethod() == HttpMethod.HEAD) {
                return;
            }
            seen.add(key);
            if (!ROUTES.containsKey(key)) {
                problems.add(key + " is not listed in ROUTES with its rule");
            }
            if (!Set.of(r.getAnnotationMetadata().stringValues(Secured.class)).equals(Set.of(SecurityRule.IS_ANONYMOUS))) {
                problems.add(key + " is not @Secured(IS_ANONYMOUS): it checks the resident's secret itself");
            }
        });
        assertEquals(List.of(), problems);
        assertEquals(new TreeSet<>(ROUTES.keySet()), seen);
    }

    @Test
    void noResidentRouteGivesA2xxWithoutTheSecretOrWithAnotherConcernsSecret() {
        BlockingHttpClient c = http.toBlocking();
        Map<String, Object> body = Intake.withContact(Intake.body(Intake.STATION_CODE, "小区东门路面塌陷，雨天积水严重。" + System.nanoTime()));
        body.put("notifyMe", true);
        Map<String, Object> mine = Intake.submit(c, body);
        String otherKey = (String) Intake.submit(c, Intake.body(Intake.STATION_CODE, "菜市场门口垃圾清运不及时。" + System.nanoTime())).get("key");
        String booking = booking(c);
        String stranger = (String) c.retrieve(HttpRequest.GET("/api/v1/my/token"), Http.MAP).get("residentToken");
        Map<String, Object> write = Map.of("sms", false, "mobile", Intake.MOBILE, "code", "000000");
        List<String> breaches = new ArrayList<>();
        for (String secret : new String[]{null, "other"}) {
            for (String key : ROUTES.keySet()) {
                if (OPEN_BY_DESIGN.contains(key)) {
                    continue;
                }
                String[] parts = key.split(" ");
                String path = parts[1].replace("{trackingNo}", (String) mine.get("trackingNo")).replace("{code}", booking);
                MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.valueOf(parts[0]), path);
                if (!parts[0].equals("GET")) {
                    request.body(write);
                }
                if (secret != null) {
                    request.header("X-Tracking-Key", otherKey).header("X-Resident-Token", stranger)
                            .header("X-Recovery-Token", "rn1.x.y");
                }
                int status;
                try {
                    status = c.exchange(request, String.class).code();
                } catch (HttpClientResponseException e) {
                    status = e.getStatus().getCode();
                }
                if (status < 400 || status >= 500) {
                    breaches.add(key + " as " + (secret == null ? "anonymous" : "stranger") + " → " + status);
                }
            }
        }
        assertEquals(List.of(), breaches);
    }

    private String booking(BlockingHttpClient c) {
        long station = ids.station(DemoIds.QJNY);
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString();
        Map<String, Object> session = c.retrieve(HttpRequest.POST("/api/v1/stations/" + station + "/sessions",
                Map.of("date", tomorrow, "startTime", "14:00", "endTime", "16:00", "place", "联络站二楼", "capacity", 5))
                .bearerAuth(Logins.token(c, "liaison-qjny")), Http.MAP);
        return (String) c.retrieve(HttpRequest.POST("/api/v1/sessions/" + session.get("id") + "/bookings", Map.of())
                .header("X-Forwarded-For", Intake.randomAddress()), Http.MAP).get("bookingCode");
    }
}
