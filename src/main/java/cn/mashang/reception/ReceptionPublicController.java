package cn.mashang.reception;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.common.ClientAddress;
import cn.mashang.resident.ResidentTokens;
import cn.mashang.openapi.Conflicts;
import cn.mashang.openapi.PublicApi;
import cn.mashang.openapi.RateLimited;
import cn.mashang.openapi.ResidentToken;
import cn.mashang.openapi.WithBody;
import cn.mashang.qr.QrRenderer;
import cn.mashang.station.Station;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.time.LocalDate;
import java.util.List;

/**
 * Public side of reception days: a station's upcoming sessions and published plans, one session, booking a slot
 * (anonymous, abuse-limited, mobile encrypted), and the booking's status and QR image.
 */
@Tag(name = "reception")
@PublicApi
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReceptionPublicController {
    private static final String TOKEN_HEADER = "X-Resident-Token";
    private final SessionPlanner planner;
    private final ReceptionRepositories.Sessions sessions;
    private final ReceptionRepositories.Bookings bookingRows;
    private final ReceptionRepositories.Plans planRows;
    private final Visits visits;
    private final Plans plans;
    private final Bookings bookings;
    private final ResidentTokens tokens;
    private final ClientAddress clientAddress;
    private final QrRenderer qr;

    ReceptionPublicController(SessionPlanner planner, ReceptionRepositories.Sessions sessions,
                              ReceptionRepositories.Bookings bookingRows, ReceptionRepositories.Plans planRows,
                              Visits visits, Plans plans, Bookings bookings, ResidentTokens tokens,
                              ClientAddress clientAddress, QrRenderer qr) {
        this.planner = planner;
        this.sessions = sessions;
        this.bookingRows = bookingRows;
        this.planRows = planRows;
        this.visits = visits;
        this.plans = plans;
        this.bookings = bookings;
        this.tokens = tokens;
        this.clientAddress = clientAddress;
        this.qr = qr;
    }

    /** Scheduled sessions of the station: upcoming (from now, default) or dated in [from, to]. */
    @Operation(operationId = "listStationSessions", summary = "接待场次 / A station's scheduled reception sessions")
    @Get("/stations/{id}/sessions")
    List<ReceptionDtos.SessionView> sessions(long id, @QueryValue @Nullable Boolean upcoming,
                                             @QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to) {
        planner.station(id);
        return visits.views(planner.sessionsOf(id, upcoming, from, to).stream()
                .filter(s -> s.status() == ReceptionSession.Status.SCHEDULED).toList(), false);
    }

    /** Published plans from today on. */
    @Operation(operationId = "listPublishedPlans", summary = "活动计划 / A station's published activity plans")
    @Get("/stations/{id}/plans")
    List<ReceptionDtos.PlanView> plans(long id) {
        planner.station(id);
        return plans.views(planRows.publishedFrom(id, SessionPlanner.at(planner.today(), "00:00")));
    }

    /** The station page's one call: upcoming sessions (first 5) and published plans (first 5). */
    @Operation(operationId = "getStationUpcoming", summary = "近期安排 / Upcoming sessions and plans of a station")
    @Get("/stations/{id}/upcoming")
    ReceptionDtos.Upcoming upcoming(long id) {
        List<ReceptionDtos.SessionView> s = sessions(id, true, null, null);
        List<ReceptionDtos.PlanView> p = plans(id);
        return new ReceptionDtos.Upcoming(s.subList(0, Math.min(5, s.size())), p.subList(0, Math.min(5, p.size())));
    }

    @Operation(operationId = "getSession", summary = "接待场次详情 / One reception session")
    @Get("/sessions/{id}")
    ReceptionDtos.SessionView session(long id) {
        ReceptionSession s = sessions.findById(id).orElseThrow(() -> ApiException.notFound("接待日"));
        planner.station(s.stationId());
        return visits.views(List.of(s), false).get(0);
    }

    /** Books a slot; 201 new, 200 when this device already holds a booking of the session. */
    @Operation(operationId = "bookSession", summary = "预约接待 / Book a slot in a reception session")
    @Conflicts
    @RateLimited
    @WithBody
    @ApiResponse(responseCode = "201", description = "已预约 / booked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReceptionDtos.BookingAnswer.class)))
    @ApiResponse(responseCode = "200", description = "此设备已预约本场 / this device already holds a booking of the session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReceptionDtos.BookingAnswer.class)))
    @Post("/sessions/{id}/bookings")
    HttpResponse<ReceptionDtos.BookingAnswer> book(long id, @Body @Valid ReceptionDtos.BookingInput body,
                                                   HttpRequest<?> request,
                                                   @ResidentToken @Header(TOKEN_HEADER) @Nullable String token) {
        Bookings.Result r = bookings.book(id, body, tokens.verify(token, Times.now()), clientAddress.of(request));
        Station st = planner.station(r.session().stationId());
        return HttpResponse.<ReceptionDtos.BookingAnswer>status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ReceptionDtos.BookingAnswer(r.booking().bookingCode(), r.session().id(),
                        r.booking().status().name(), Times.show(r.session().startsAt()), r.session().place(), st.name(),
                        r.booking().mobileMasked(), r.issuedToken()))
                .header("Cache-Control", "no-store");
    }

    /** A booking's status by its code (no personal data). */
    @Operation(operationId = "getBooking", summary = "预约状态 / A booking's status by its code")
    @Get("/bookings/{code}")
    ReceptionDtos.BookingAnswer booking(String code) {
        Booking b = bookingRows.findByBookingCode(code.toUpperCase()).orElseThrow(() -> ApiException.notFound("预约"));
        ReceptionSession s = sessions.findById(b.sessionId()).orElseThrow();
        return new ReceptionDtos.BookingAnswer(b.bookingCode(), s.id(), b.status().name(), Times.show(s.startsAt()),
                s.place(), planner.station(s.stationId()).name(), null, null);
    }

    /** The resident cancels their booking from the device that made it; the seat is freed and a message sent. */
    @Operation(operationId = "cancelBooking", summary = "取消预约 / Cancel one's booking (from the device that booked)")
    @Conflicts
    @Post("/bookings/{code}/cancel")
    ReceptionDtos.BookingAnswer cancelBooking(String code,
                                              @ResidentToken @Header(TOKEN_HEADER) @Nullable String token) {
        Booking b = bookings.cancel(code, tokens.verify(token, Times.now()));
        ReceptionSession s = sessions.findById(b.sessionId()).orElseThrow();
        return new ReceptionDtos.BookingAnswer(b.bookingCode(), s.id(), b.status().name(), Times.show(s.startsAt()),
                s.place(), planner.station(s.stationId()).name(), b.mobileMasked(), null);
    }

    /** 预约提醒 of one's booking as the booking page shows it (from the device that booked; 404 otherwise). */
    @Operation(operationId = "getBookingNotifications", summary = "预约提醒 / Whether messages about one's booking are on")
    @Get("/bookings/{code}/notifications")
    ReceptionDtos.BookingNotice bookingNotice(String code, @ResidentToken @Header(TOKEN_HEADER) @Nullable String token) {
        return bookings.notice(code, tokens.verify(token, Times.now()), null);
    }

    /** Turns 预约提醒 of one's booking off (revoking it) or on (needs the mobile left with the booking). */
    @Operation(operationId = "setBookingNotifications", summary = "开启或取消预约提醒 / Opt in to or out of booking messages")
    @WithBody
    @Put(value = "/bookings/{code}/notifications", consumes = MediaType.APPLICATION_JSON)
    ReceptionDtos.BookingNotice setBookingNotice(String code, @ResidentToken @Header(TOKEN_HEADER) @Nullable String token,
                                                 @Body @Valid ReceptionDtos.BookingNoticeInput body) {
        return bookings.notice(code, tokens.verify(token, Times.now()), body.sms());
    }

    /** The booking code as a QR image, for the liaison's scanner at check-in. */
    @Operation(operationId = "getBookingQr", summary = "预约二维码 / The booking code as an SVG QR image")
    @Get("/bookings/{code}/qr.svg")
    HttpResponse<String> bookingQr(String code) {
        Booking b = bookingRows.findByBookingCode(code.toUpperCase()).orElseThrow(() -> ApiException.notFound("预约"));
        return HttpResponse.ok(qr.svg(b.bookingCode(), 240)).contentType(MediaType.of("image/svg+xml"))
                .header("Cache-Control", "private, max-age=86400");
    }
}
