package cn.mashang.calendar;

import cn.mashang.Http;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public status endpoint with a settable clock, and the admin endpoints' refusal without a token. */
@MicronautTest
class CalendarHttpTest {
    static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-06-01T02:00:00Z"));

    @Inject
    @Client("/")
    HttpClient http;

    @MockBean(Clock.class)
    Clock clock() {
        return new SettableClock(ZoneId.of("UTC"));
    }

    /** A clock reading {@link #NOW}, in any zone. */
    static final class SettableClock extends Clock {
        private final ZoneId zone;

        SettableClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new SettableClock(other);
        }

        @Override
        public Instant instant() {
            return NOW.get();
        }
    }

    @AfterEach
    void reset() {
        NOW.set(Instant.parse("2026-06-01T02:00:00Z"));
    }

    @Test
    void statusIn2026HasACalendarAndNoWarning() {
        Map<String, Object> s = Http.get(http.toBlocking(), "/api/v1/calendar/status");
        assertEquals(2026, s.get("year"));
        assertEquals(true, s.get("hasCalendar"));
        assertEquals("2026-06-01", s.get("today"));
        assertEquals(true, s.get("workingDay"));
        assertNull(s.get("warning"));
    }

    @Test
    void statusIn2027WarnsThatTheCalendarIsMissing() {
        NOW.set(Instant.parse("2027-03-01T01:00:00Z"));
        Map<String, Object> s = Http.get(http.toBlocking(), "/api/v1/calendar/status");
        assertEquals(2027, s.get("year"));
        assertEquals(false, s.get("hasCalendar"));
        assertTrue(String.valueOf(s.get("warning")).contains("2027 年的节假日与调休安排尚未录入"), s.toString());
    }

    @Test
    void newYearsEveInUtcIsAlreadyTheNewYearInShanghai() {
        NOW.set(Instant.parse("2026-12-31T17:00:00Z"));   // 2027-01-01 01:00 in Shanghai
        Map<String, Object> s = Http.get(http.toBlocking(), "/api/v1/calendar/status");
        assertEquals(2027, s.get("year"));
        assertFalse((Boolean) s.get("hasCalendar"));
    }

    @Test
    void adminCalendarEndpointsAnswer401WithoutAToken() {
        var client = http.toBlocking();
        Http.problem(client, HttpRequest.GET("/api/v1/admin/calendar/2026"), 401);
        Http.problem(client, HttpRequest.PUT("/api/v1/admin/calendar/2026", Map.of("days", java.util.List.of())), 401);
        Http.problem(client, HttpRequest.POST("/api/v1/admin/calendar/2026/import", "date,kind,name\n")
                .contentType(MediaType.of("text/csv")), 401);
    }

    @Test
    void adminSlaRuleEndpointsAnswer401WithoutAToken() {
        var client = http.toBlocking();
        Http.problem(client, HttpRequest.GET("/api/v1/admin/sla-rules"), 401);
        Http.problem(client, HttpRequest.PUT("/api/v1/admin/sla-rules", Map.of("resolutionDays", 10)), 401);
    }
}
