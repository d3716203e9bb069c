package cn.mashang.reception;

import cn.mashang.Db;
import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.resident.sms.LocalAliyunSms;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages about a reception booking (issue 19): only with the booking's own opt-in 预约提醒, revocable from the
 * device that booked; a session cancelled by a liaison or by a holiday the calendar now marks tells its bookings,
 * and a session the holiday moves tells them the new time. Rows are read from the outbox (SMS channel configured
 * against the local Alibaba Cloud endpoint; the sender is off).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingMessagesTest implements TestPropertyProvider {
    static final LocalAliyunSms SMS = LocalAliyunSms.start();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    TransactionOperations<Connection> tx;

    BlockingHttpClient c;
    List<Map<String, Object>> calendar2026;
    int mobiles;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(SMS.properties());
        p.put("notify.sender.enabled", "false");
        p.put("test.clock", "2026-09-20T10:00:00");
        // a calendar PUT refreshes every open concern's deadlines and re-plans the sessions before it answers
        p.put("micronaut.http.client.read-timeout", "60s");
        return p;
    }

    @BeforeEach
    void keepTheCalendar() {
        c = http.toBlocking();
        calendar2026 = Http.list(Rx.get(c, admin(), "/api/v1/admin/calendar/2026").get("days"));
    }

    @AfterEach
    void restoreTheCalendar() {
        c.exchange(Rx.as(HttpRequest.PUT("/api/v1/admin/calendar/2026", Map.of("source", "国务院办公厅", "days", calendar2026)), admin()));
    }

    @AfterAll
    void stop() {
        SMS.close();
    }

    private String admin() {
        return Logins.token(c, "shanxi-admin");
    }

    private String liaison() {
        return Logins.token(c, "liaison-qjny");
    }

    private long qjny() {
        return ids.station(DemoIds.QJNY);
    }

    private String mobile() {
        return "1390021" + String.format("%04d", ++mobiles);
    }

    private long oneOff(String date) {
        return Rx.id(Rx.post(c, liaison(), "/api/v1/stations/" + qjny() + "/sessions", Map.of(
                "date", date, "startTime", "09:00", "endTime", "11:00", "capacity", 10, "place", "联络站一楼接待室")));
    }

    /** A weekly rule of the station; answers the session of its occurrence on {@code nominal}. */
    private long ruleSession(int dayOfWeek, String policy, String nominal) {
        long rule = Rx.id(Rx.post(c, liaison(), "/api/v1/stations/" + qjny() + "/reception-rules", Map.of(
                "kind", "WEEKLY", "dayOfWeek", dayOfWeek, "startTime", "09:00", "endTime", "11:00",
                "holidayPolicy", policy, "capacity", 10, "place", "联络站一楼接待室")));
        return Db.count(tx, "SELECT id FROM reception_session WHERE rule_id = ? AND nominal_date = ?", rule, LocalDate.parse(nominal));
    }

    /** A resident books with a number and answers {bookingCode, residentToken}; {@code remind}: 预约提醒. */
    private Map<String, Object> book(long session, boolean remind) {
        Map<String, Object> body = new HashMap<>(Map.of("mobile", mobile(), "consent", true, "notifyMe", remind));
        return Rx.book(c, session, body, null).body();
    }

    private long bookingId(Map<String, Object> booking) {
        return Db.count(tx, "SELECT id FROM reception_booking WHERE booking_code = ?", booking.get("bookingCode"));
    }

    /** The kinds of the SMS rows queued for a booking, in order. */
    private List<String> queued(Map<String, Object> booking) {
        return Db.texts(tx, "SELECT kind FROM notification_outbox WHERE channel = 'SMS' AND target = ? ORDER BY id",
                "booking:" + bookingId(booking));
    }

    private String payload(Map<String, Object> booking, String kind) {
        return Db.text(tx, "SELECT payload FROM notification_outbox WHERE channel = 'SMS' AND target = ? AND kind = ?",
                "booking:" + bookingId(booking), kind);
    }

    private <T> MutableHttpRequest<T> device(MutableHttpRequest<T> request, Map<String, Object> booking) {
        return request.header("X-Resident-Token", (String) booking.get("residentToken"));
    }

    private Map<String, Object> notice(Map<String, Object> booking) {
        return c.retrieve(device(HttpRequest.GET("/api/v1/bookings/" + booking.get("bookingCode") + "/notifications"), booking), Http.MAP);
    }

    /** Marks one more day of 2026 as a holiday, as an admin does on the calendar page. */
    private void holiday(String date) {
        List<Map<String, Object>> days = new ArrayList<>(calendar2026);
        days.add(Map.of("date", date, "kind", "HOLIDAY", "name", "临时放假"));
        c.exchange(Rx.as(HttpRequest.PUT("/api/v1/admin/calendar/2026", Map.of("source", "国务院办公厅", "days", days)), admin()));
    }

    @Test
    void aBookingTellsItsResidentOnlyWhenTheyOptedInToBookingReminders() {
        long session = oneOff("2026-09-24");
        Map<String, Object> silent = book(session, false);
        Map<String, Object> reminded = book(session, true);
        assertEquals(List.of(), queued(silent));
        assertEquals(List.of("resident.booking.confirmed"), queued(reminded));
        assertTrue(payload(reminded, "resident.booking.confirmed").contains("已确认"));
    }

    @Test
    void bookingRemindersWithoutAMobileNumberAreRefusedAtTheMobileField() {
        var request = HttpRequest.POST("/api/v1/sessions/" + oneOff("2026-09-25") + "/bookings", Map.of("notifyMe", true))
                .header("X-Forwarded-For", Rx.address());
        Map<String, Object> problem = Http.problem(c, request, 400);
        assertTrue(problem.toString().contains("mobile") && problem.toString().contains("需要预约提醒时请填写手机号"), problem::toString);
    }

    @Test
    void theBookingPageShowsTheOptInAndRevokingItStopsTheCancellationMessage() {
        Map<String, Object> booking = book(oneOff("2026-09-28"), true);
        Map<String, Object> shown = notice(booking);
        assertEquals(true, shown.get("sms"));
        assertEquals(true, shown.get("available"));
        assertTrue(((String) shown.get("mobileMasked")).matches("139\\*{4}\\d{4}"), shown::toString);

        Map<String, Object> revoked = c.retrieve(device(HttpRequest.PUT("/api/v1/bookings/" + booking.get("bookingCode")
                + "/notifications", Map.of("sms", false)), booking), Http.MAP);
        assertEquals(false, revoked.get("sms"));
        assertEquals(false, notice(booking).get("sms"));
        c.exchange(device(HttpRequest.POST("/api/v1/bookings/" + booking.get("bookingCode") + "/cancel", Map.of()), booking));
        assertEquals(List.of("resident.booking.confirmed"), queued(booking));
    }

    @Test
    void anotherPhoneCannotReadOrChangeTheBookingsReminders() {
        Map<String, Object> booking = book(oneOff("2026-09-29"), true);
        String stranger = (String) c.retrieve(HttpRequest.GET("/api/v1/my/token"), Http.MAP).get("residentToken");
        Http.problem(c, HttpRequest.GET("/api/v1/bookings/" + booking.get("bookingCode") + "/notifications")
                .header("X-Resident-Token", stranger), 404);
        Http.problem(c, HttpRequest.PUT("/api/v1/bookings/" + booking.get("bookingCode") + "/notifications", Map.of("sms", false))
                .header("X-Resident-Token", stranger), 404);
        assertEquals(true, notice(booking).get("sms"));
    }

    @Test
    void aSessionTheLiaisonCancelsTellsItsOptedInBookings() {
        long session = oneOff("2026-09-30");
        Map<String, Object> silent = book(session, false);
        Map<String, Object> reminded = book(session, true);
        Rx.post(c, liaison(), "/api/v1/sessions/" + session + "/cancel", Map.of());
        assertEquals(List.of("resident.booking.confirmed", "resident.booking.session_cancelled"), queued(reminded));
        assertEquals(List.of(), queued(silent));
    }

    @Test
    void aHolidayTheCalendarNowMarksCancelsTheRuleSessionOnThatDayAndTellsItsBookingsLikeALiaisonsCancellation() {
        long session = ruleSession(3, "SKIP", "2026-10-14");
        Map<String, Object> silent = book(session, false);
        Map<String, Object> reminded = book(session, true);
        holiday("2026-10-14");
        assertEquals("CANCELLED", Db.text(tx, "SELECT status FROM reception_session WHERE id = ?", session));
        assertEquals(List.of("resident.booking.confirmed", "resident.booking.session_cancelled"), queued(reminded));
        assertTrue(payload(reminded, "resident.booking.session_cancelled").contains("10月14日 09:00 接待已取消"),
                () -> payload(reminded, "resident.booking.session_cancelled"));
        assertEquals(List.of(), queued(silent));
        assertEquals("CANCELLED", c.retrieve(HttpRequest.GET("/api/v1/sessions/" + session), Http.MAP).get("status"));
    }

    @Test
    void aHolidayOnTheDayOfANextWorkingDayRuleMovesItsSessionAndTellsItsBookingsTheNewTime() {
        long session = ruleSession(4, "NEXT_WORKING_DAY", "2026-10-15");
        Map<String, Object> reminded = book(session, true);
        holiday("2026-10-15");
        Map<String, Object> moved = c.retrieve(HttpRequest.GET("/api/v1/sessions/" + session), Http.MAP);
        assertEquals("SCHEDULED", moved.get("status"));
        assertEquals("2026-10-16", moved.get("date"));
        assertEquals(true, moved.get("moved"));
        assertEquals(List.of("resident.booking.confirmed", "resident.booking.moved"), queued(reminded));
        assertTrue(payload(reminded, "resident.booking.moved").contains("10月16日 09:00 接待（遇节假日改期）"),
                () -> payload(reminded, "resident.booking.moved"));
    }
}
