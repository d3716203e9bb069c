package cn.mashang.reception;

import cn.mashang.Db;

import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bookings (capacity, one per person, open-booking limit), check-in, walk-ins, deputy check-in, in-person intake. */
@MicronautTest(transactional = false)
@Property(name = "test.clock", value = "2026-09-20T10:00:00")
@Property(name = "reception.max-open-bookings", value = "2")
class ReceptionDayTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    Clock clock;
    @Inject
    TransactionOperations<Connection> tx;

    @AfterEach
    void resetClock() {
        ((FixedClock) clock).set("2026-09-20T10:00:00");
    }

    private long qjny() {
        return ids.station(DemoIds.QJNY);
    }

    private Map<String, Object> session(String date, int capacity) {
        var c = http.toBlocking();
        return Rx.post(c, Logins.token(c, "liaison-qjny"), "/api/v1/stations/" + qjny() + "/sessions", Map.of(
                "date", date, "startTime", "09:00", "endTime", "12:00", "capacity", capacity, "place", "联络站一楼接待室",
                "deputyIds", List.of(ids.deputy("王建华"), ids.deputy("高鹏飞"))));
    }

    @Test
    void aSessionTakesNoMoreBookingsThanItsCapacity() {
        var c = http.toBlocking();
        long id = Rx.id(session("2026-09-25", 2));
        assertEquals(201, Rx.book(c, id, Map.of(), null).code());
        assertEquals(201, Rx.book(c, id, Map.of(), null).code());
        Map<String, Object> p = Http.problem(c, HttpRequest.POST("/api/v1/sessions/" + id + "/bookings", Map.of())
                .header("X-Forwarded-For", Rx.address()), 409);
        assertTrue(p.get("detail").toString().contains("已满"), p::toString);
        Map<String, Object> pub = Http.get(c, "/api/v1/sessions/" + id);
        assertEquals(2, Rx.num(pub, "booked"));
        assertEquals(0, Rx.num(pub, "remaining"));
    }

    @Test
    void theSameDeviceBookingAgainGetsItsFirstBookingBack() {
        var c = http.toBlocking();
        long id = Rx.id(session("2026-09-25", 5));
        HttpResponse<Map<String, Object>> first = Rx.book(c, id, Map.of(), null);
        String token = (String) first.body().get("residentToken");
        String code = (String) first.body().get("bookingCode");
        assertTrue(code.matches("[2-9A-HJKMNP-Z]{8}"), code);
        HttpResponse<Map<String, Object>> again = Rx.book(c, id, Map.of(), token);
        assertEquals(200, again.code());
        assertEquals(code, again.body().get("bookingCode"));
        assertEquals(1, Rx.num(Http.get(c, "/api/v1/sessions/" + id), "booked"));
    }

    @Test
    void oneMobileNumberBooksASessionOnceAndIsStoredEncryptedAndMasked() {
        var c = http.toBlocking();
        long id = Rx.id(session("2026-09-25", 5));
        Map<String, Object> body = Map.of("contactName", "李四", "mobile", "13912345678", "consent", true);
        Map<String, Object> first = Rx.book(c, id, body, null).body();
        assertEquals("139****5678", first.get("mobileMasked"));
        Http.problem(c, HttpRequest.POST("/api/v1/sessions/" + id + "/bookings", body).header("X-Forwarded-For", Rx.address()), 409);
        String stored = Db.text(tx, "SELECT mobile_enc FROM reception_booking WHERE booking_code = ?", first.get("bookingCode"));
        assertFalse(stored.contains("13912345678"));
        Http.problem(c, HttpRequest.POST("/api/v1/sessions/" + id + "/bookings",
                Map.of("mobile", "13912345679")).header("X-Forwarded-For", Rx.address()), 400);
    }

    @Test
    void aPersonHoldsAtMostTheConfiguredNumberOfOpenBookings() {
        var c = http.toBlocking();
        long a = Rx.id(session("2026-09-25", 5));
        long b = Rx.id(session("2026-09-28", 5));
        long d = Rx.id(session("2026-09-29", 5));
        String token = (String) Rx.book(c, a, Map.of(), null).body().get("residentToken");
        assertEquals(201, Rx.book(c, b, Map.of(), token).code());
        Map<String, Object> p = Http.problem(c, HttpRequest.POST("/api/v1/sessions/" + d + "/bookings", Map.of())
                .header("X-Forwarded-For", Rx.address()).header("X-Resident-Token", token), 409);
        assertTrue(p.get("detail").toString().contains("2"), p::toString);
    }

    @Test
    void theLiaisonChecksABookingInOnTheDayByCodeOnceAndCountsWalkIns() {
        var c = http.toBlocking();
        String liaison = Logins.token(c, "liaison-qjny");
        long id = Rx.id(session("2026-09-25", 5));
        String code = (String) Rx.book(c, id, Map.of("contactName", "王五", "mobile", "13700001111", "consent", true), null)
                .body().get("bookingCode");
        Rx.book(c, id, Map.of(), null);
        Http.problem(c, Rx.as(HttpRequest.POST("/api/v1/sessions/" + id + "/check-in", Map.of("bookingCode", code)), liaison), 409);
        ((FixedClock) clock).set("2026-09-25T09:10:00");
        Map<String, Object> in = Rx.post(c, liaison, "/api/v1/sessions/" + id + "/check-in", Map.of("bookingCode", code.toLowerCase()));
        assertEquals(false, in.get("alreadyCheckedIn"));
        assertEquals("CHECKED_IN", Http.map(in.get("booking")).get("status"));
        assertEquals(true, Rx.post(c, liaison, "/api/v1/sessions/" + id + "/check-in", Map.of("bookingCode", code))
                .get("alreadyCheckedIn"));
        assertEquals(3, Rx.num(Rx.post(c, liaison, "/api/v1/sessions/" + id + "/walk-ins", Map.of("delta", 3)), "walkIns"));
        Http.problem(c, Rx.as(HttpRequest.POST("/api/v1/sessions/" + id + "/walk-ins", Map.of("delta", -4)), liaison), 409);

        List<Map<String, Object>> list = c.retrieve(Rx.as(HttpRequest.GET("/api/v1/sessions/" + id + "/bookings"), liaison), Http.LIST);
        assertEquals(List.of("CHECKED_IN", "BOOKED"), list.stream().map(b -> b.get("status")).toList());
        assertEquals("137****1111", list.get(0).get("mobileMasked"));
        Map<String, Object> staff = Rx.get(c, liaison, "/api/v1/sessions/" + id + "/staff");
        assertEquals(1, Rx.num(staff, "checkedInBookings"));
        assertEquals(4, Rx.num(staff, "residentsReceived"));
        Http.problem(c, Rx.as(HttpRequest.POST("/api/v1/sessions/" + id + "/check-in", Map.of("bookingCode", code)),
                Logins.token(c, "liaison-shuitou")), 404);
    }

    @Test
    void aDeputyChecksThemselfInAndTheLiaisonChecksInAnotherDeputy() {
        var c = http.toBlocking();
        long id = Rx.id(session("2026-09-21", 5));
        ((FixedClock) clock).set("2026-09-21T08:55:00");
        Map<String, Object> self = Rx.post(c, Logins.token(c, "13800000001"), "/api/v1/sessions/" + id + "/attendance", Map.of());
        assertEquals(ids.deputy("王建华"), ((Number) self.get("deputyId")).longValue());
        assertEquals(true, self.get("newlyCheckedIn"));
        // 吴秀英 sits at this station too (双进站) without being on duty: the liaison checks her in
        Map<String, Object> other = Rx.post(c, Logins.token(c, "liaison-qjny"), "/api/v1/sessions/" + id + "/attendance",
                Map.of("deputyId", ids.deputy("吴秀英")));
        assertEquals(true, other.get("newlyCheckedIn"));
        Map<String, Object> staff = Rx.get(c, Logins.token(c, "head-qjny"), "/api/v1/sessions/" + id + "/staff");
        assertEquals(2, Rx.num(staff, "deputiesCheckedIn"));
        List<Map<String, Object>> duty = Http.list(staff.get("deputies"));
        assertEquals(3, duty.size());
        // a deputy of another station cannot check in here
        Http.problem(c, Rx.as(HttpRequest.POST("/api/v1/sessions/" + id + "/attendance", Map.of()),
                Logins.token(c, "13800000014")), 404);
        Map<String, Object> figures = Rx.get(c, Logins.token(c, "head-qjny"), "/api/v1/stations/" + qjny()
                + "/reception-figures?from=2026-09-01&to=2026-09-30");
        assertEquals(1, Rx.num(figures, "sessionsHeld"));
        assertEquals(2, Rx.num(figures, "deputyVisits"));
    }

    @Test
    void thePublicSessionListShowsOnDutyDeputiesButNoCheckIns() {
        var c = http.toBlocking();
        long id = Rx.id(session("2026-09-22", 5));
        List<Map<String, Object>> list = c.retrieve(HttpRequest.GET("/api/v1/stations/" + qjny() + "/sessions?upcoming=true"),
                Http.LIST);
        Map<String, Object> s = list.stream().filter(x -> Rx.id(x) == id).findFirst().orElseThrow();
        assertEquals("联络站一楼接待室", s.get("place"));
        assertNull(s.get("walkIns"));
        assertEquals(List.of("王建华", "高鹏飞"), Http.list(s.get("deputies")).stream().map(d -> d.get("name")).sorted(
                java.util.Comparator.comparing(n -> n.equals("王建华") ? 0 : 1)).toList());
    }

    @Test
    void anInPersonConcernLandsInTheStationQueueAtOnceAndCountsForTheSession() {
        var c = http.toBlocking();
        String liaison = Logins.token(c, "liaison-qjny");
        long id = Rx.id(session("2026-09-21", 5));
        var req = Rx.as(HttpRequest.POST("/api/v1/stations/" + qjny() + "/intake", Map.of("channel", "RECEPTION_DAY",
                "category", "企业发展", "content", "园区道路夜间照明不足，职工下夜班不安全", "contactName", "赵六",
                "mobile", "13600002222", "consent", true, "sessionId", id, "deputyId", ids.deputy("王建华"))), liaison)
                .header("Idempotency-Key", "reception-intake-0001");
        HttpResponse<Map<String, Object>> created = c.exchange(req, Http.MAP);
        assertEquals(201, created.code());
        Map<String, Object> a = created.body();
        String trackingNo = (String) a.get("trackingNo");
        assertTrue(a.get("trackingUrl").toString().contains("/t/" + trackingNo + "#k=" + a.get("key")));

        List<Map<String, Object>> queue = Http.list(Rx.get(c, liaison, "/api/v1/stations/" + qjny() + "/queue").get("items"));
        assertEquals(trackingNo, queue.get(0).get("trackingNo"));
        assertEquals("RECEPTION_DAY", queue.get(0).get("channel"));
        assertEquals("SUBMITTED", queue.get(0).get("state"));
        assertEquals("136****2222", queue.get(0).get("mobileMasked"));

        Map<String, Object> track = Http.get(c, "/api/v1/track/" + trackingNo + "?key=" + a.get("key"));
        assertEquals(trackingNo, track.get("trackingNo"));
        String payload = Db.text(tx, "SELECT e.payload FROM concern_event e JOIN concern c ON c.id = e.concern_id "
                + "WHERE c.tracking_no = ? AND e.actor_type = 'STAFF'", trackingNo);
        assertTrue(payload.contains("\"receptionSessionId\":" + id), payload);
        assertEquals(1, Rx.num(Rx.get(c, liaison, "/api/v1/sessions/" + id + "/staff"), "concernsCollected"));

        HttpResponse<Map<String, Object>> replay = c.exchange(req, Http.MAP);
        assertEquals(200, replay.code());
        assertEquals(trackingNo, replay.body().get("trackingNo"));
    }

    @Test
    void aPhoneConcernNeedsALiaisonOrHeadOfTheStation() {
        var c = http.toBlocking();
        Map<String, Object> body = Map.of("channel", "PHONE", "category", "其他", "content", "来电反映园区班车时间不合理");
        Map<String, Object> a = c.retrieve(Rx.as(HttpRequest.POST("/api/v1/stations/" + qjny() + "/intake", body),
                Logins.token(c, "head-qjny")).header("Idempotency-Key", "phone-intake-0001"), Http.MAP);
        assertNotEquals(null, a.get("trackingNo"));
        assertEquals("PHONE", Db.text(tx, "SELECT channel FROM concern WHERE tracking_no = ?", a.get("trackingNo")));
        Http.problem(c, Rx.as(HttpRequest.POST("/api/v1/stations/" + qjny() + "/intake", body),
                Logins.token(c, "13800000001")).header("Idempotency-Key", "phone-intake-0002"), 404);
        Http.problem(c, Rx.as(HttpRequest.POST("/api/v1/stations/" + qjny() + "/intake", body),
                Logins.token(c, "liaison-shuitou")).header("Idempotency-Key", "phone-intake-0003"), 404);
        Http.problem(c, Rx.as(HttpRequest.POST("/api/v1/stations/" + qjny() + "/intake", Map.of("channel", "PHONE",
                "category", "其他", "content", "来电反映问题", "mobile", "13600003333")), Logins.token(c, "head-qjny"))
                .header("Idempotency-Key", "phone-intake-0004"), 400);
    }
}
