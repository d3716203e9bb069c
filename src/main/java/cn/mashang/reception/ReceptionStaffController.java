package cn.mashang.reception;

import cn.mashang.auth.Role;
import cn.mashang.auth.StaffScope;
import cn.mashang.common.ApiException;
import cn.mashang.concern.intake.StaffIntake;
import cn.mashang.openapi.Conflicts;
import cn.mashang.openapi.IdempotencyKey;
import cn.mashang.openapi.Idempotent;
import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.time.LocalDate;
import java.util.List;

/**
 * Staff side of reception days: rules and one-off sessions, on-duty deputies, bookings and check-in, walk-ins,
 * deputies' check-in (进站履职), station figures and in-person / phone intake; activity plans: {@link ReceptionPlanController}.
 */
@Tag(name = "reception")
@StaffApi
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"DEPUTY", "LIAISON", "STATION_HEAD", "ADMIN"})
class ReceptionStaffController {
    private static final String WHAT = "接待日";
    private final ReceptionAccess access;
    private final SessionPlanner planner;
    private final ReceptionRepositories.Rules rules;
    private final ReceptionRepositories.Sessions sessions;
    private final ReceptionRepositories.Bookings bookingRows;
    private final Bookings bookings;
    private final Visits visits;
    private final StaffIntake intake;

    ReceptionStaffController(ReceptionAccess access, SessionPlanner planner, ReceptionRepositories.Rules rules,
                             ReceptionRepositories.Sessions sessions, ReceptionRepositories.Bookings bookingRows,
                             Bookings bookings, Visits visits, StaffIntake intake) {
        this.access = access;
        this.planner = planner;
        this.rules = rules;
        this.sessions = sessions;
        this.bookingRows = bookingRows;
        this.bookings = bookings;
        this.visits = visits;
        this.intake = intake;
    }

    @Serdeable
    record WalkIns(long sessionId, int walkIns) {
    }

    @Serdeable
    record Attendance(long sessionId, long deputyId, boolean newlyCheckedIn) {
    }

    // ---- rules and sessions ----

    @Operation(operationId = "listReceptionRules", summary = "接待规则 / A station's reception rules")
    @Get("/stations/{id}/reception-rules")
    List<ReceptionDtos.RuleView> rules(long id, Authentication auth) {
        access.requireSee(auth, id, WHAT);
        return planner.rulesOf(id);
    }

    @Operation(operationId = "createReceptionRule", summary = "新建接待规则 / Create a reception rule")
    @WithBody
    @ApiResponse(responseCode = "201", description = "已创建 / created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReceptionDtos.RuleView.class)))
    @Post("/stations/{id}/reception-rules")
    HttpResponse<ReceptionDtos.RuleView> createRule(long id, @Body @Valid ReceptionDtos.RuleInput body, Authentication auth) {
        access.requireRun(auth, id, WHAT);
        return HttpResponse.created(planner.createRule(id, body));
    }

    @Operation(operationId = "deleteReceptionRule", summary = "删除接待规则 / Delete a reception rule")
    @Delete("/reception-rules/{id}")
    HttpResponse<Void> deleteRule(long id, Authentication auth) {
        ReceptionRule r = rules.findById(id).filter(ReceptionRule::active).orElseThrow(() -> ApiException.notFound("接待规则"));
        access.requireRun(auth, r.stationId(), "接待规则");
        planner.deactivateRule(r);
        return HttpResponse.noContent();
    }

    /** Sessions with check-ins and visit figures (staff of the station): upcoming, or dated in [from, to]. */
    @Operation(operationId = "listStaffSessions", summary = "场次与签到 / Sessions with check-ins and visit figures")
    @Get("/stations/{id}/sessions/staff")
    List<ReceptionDtos.SessionView> staffSessions(long id, @QueryValue @Nullable Boolean upcoming,
                                                  @QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to,
                                                  Authentication auth) {
        access.requireSee(auth, id, WHAT);
        return visits.views(planner.sessionsOf(id, upcoming, from, to), true);
    }

    @Operation(operationId = "createSession", summary = "新建接待场次 / Create a one-off reception session")
    @WithBody
    @ApiResponse(responseCode = "201", description = "已创建 / created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReceptionDtos.SessionView.class)))
    @Post("/stations/{id}/sessions")
    HttpResponse<ReceptionDtos.SessionView> createSession(long id, @Body @Valid ReceptionDtos.SessionInput body,
                                                          Authentication auth) {
        access.requireRun(auth, id, WHAT);
        return HttpResponse.created(visits.views(List.of(planner.createOneOff(id, body)), true).get(0));
    }

    @Operation(operationId = "getStaffSession", summary = "场次（工作人员）/ One session as staff see it")
    @Get("/sessions/{id}/staff")
    ReceptionDtos.SessionView staffSession(long id, Authentication auth) {
        ReceptionSession s = seen(id, auth);
        return visits.views(List.of(s), true).get(0);
    }

    @Operation(operationId = "cancelSession", summary = "取消场次 / Cancel a reception session")
    @Post("/sessions/{id}/cancel")
    ReceptionDtos.SessionView cancel(long id, Authentication auth) {
        ReceptionSession s = run(id, auth);
        bookings.cancelSession(s);
        return visits.views(List.of(sessions.findById(id).orElseThrow()), true).get(0);
    }

    @Operation(operationId = "setSessionDuty", summary = "值班代表 / Set the deputies on duty")
    @WithBody
    @Put("/sessions/{id}/duty")
    ReceptionDtos.SessionView duty(long id, @Body @Valid ReceptionDtos.DutyInput body, Authentication auth) {
        ReceptionSession s = run(id, auth);
        planner.replaceDuty(s, body.deputyIds());
        return visits.views(List.of(s), true).get(0);
    }

    // ---- bookings, check-in, walk-ins, attendance ----

    @Operation(operationId = "listSessionBookings", summary = "预约名单 / The bookings of a session")
    @Get("/sessions/{id}/bookings")
    List<ReceptionDtos.BookingRow> bookings(long id, Authentication auth) {
        run(id, auth);
        return bookingRows.findBySessionIdOrderById(id).stream().map(Bookings::row).toList();
    }

    @Operation(operationId = "checkInBooking", summary = "预约签到 / Check a booking in by its code")
    @Conflicts
    @WithBody
    @Post("/sessions/{id}/check-in")
    ReceptionDtos.CheckInAnswer checkIn(long id, @Body ReceptionDtos.CheckInInput body, Authentication auth) {
        ReceptionSession s = run(id, auth);
        return bookings.checkIn(s, body, access.scope(auth).accountId());
    }

    @Operation(operationId = "recordWalkIns", summary = "现场来访 / Record walk-in visitors")
    @Conflicts
    @WithBody
    @Post("/sessions/{id}/walk-ins")
    WalkIns walkIns(long id, @Body @Valid ReceptionDtos.WalkInInput body, Authentication auth) {
        ReceptionSession s = run(id, auth);
        if (s.status() != ReceptionSession.Status.SCHEDULED) {
            throw ApiException.conflict("该场接待已取消");
        }
        return new WalkIns(id, visits.addWalkIns(s, body.delta(), planner.now()));
    }

    /** 进站履职: a deputy checks themself in, or the liaison/head checks a deputy of the station in. */
    @Operation(operationId = "recordAttendance", summary = "进站履职 / Check a deputy in at a session")
    @Conflicts
    @WithBody
    @Post("/sessions/{id}/attendance")
    Attendance attendance(long id, @Body ReceptionDtos.AttendanceInput body, Authentication auth) {
        ReceptionSession s = seen(id, auth);
        StaffScope scope = access.scope(auth);
        long deputyId;
        if (scope.role() == Role.DEPUTY) {
            if (scope.deputyId() == null || (body.deputyId() != null && !body.deputyId().equals(scope.deputyId()))) {
                throw ApiException.notFound("代表");
            }
            deputyId = scope.deputyId();
        } else {
            access.requireRun(auth, s.stationId(), WHAT);
            if (body.deputyId() == null) {
                throw ApiException.badField("deputyId", "请选择签到的代表");
            }
            deputyId = body.deputyId();
        }
        planner.members(s.stationId(), List.of(deputyId));
        if (s.status() != ReceptionSession.Status.SCHEDULED) {
            throw ApiException.conflict("该场接待已取消");
        }
        if (planner.today().isBefore(s.sessionDate())) {
            throw ApiException.conflict("接待日当天才能签到（" + s.sessionDate() + "）");
        }
        return new Attendance(id, deputyId, visits.checkInDeputy(s, deputyId, scope.accountId(), planner.now()));
    }

    @Operation(operationId = "getReceptionFigures", summary = "接待统计 / Reception figures of a period")
    @Get("/stations/{id}/reception-figures")
    ReceptionDtos.Figures figures(long id, @QueryValue LocalDate from, @QueryValue LocalDate to, Authentication auth) {
        access.requireSee(auth, id, WHAT);
        if (to.isBefore(from)) {
            throw ApiException.badField("to", "结束日期不能早于开始日期");
        }
        return visits.figures(id, from, to);
    }

    // ---- in-person and phone intake ----

    /** A concern raised in person (RECEPTION_DAY, optionally at a session) or by phone, entered by staff. */
    @Operation(operationId = "recordStaffIntake",
            summary = "登记反映 / Enter a concern raised in person or by phone (idempotent)")
    @Idempotent
    @WithBody
    @ApiResponse(responseCode = "201", description = "已登记 / a new concern",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StaffIntake.Answer.class)))
    @ApiResponse(responseCode = "200", description = "重放 / a replay of the same Idempotency-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StaffIntake.Answer.class)))
    @Post("/stations/{id}/intake")
    HttpResponse<StaffIntake.Answer> intake(long id, @Body StaffIntake.Request body,
                                            @IdempotencyKey @Header("Idempotency-Key") @Nullable String idempotencyKey,
                                            Authentication auth) {
        StaffScope scope = access.scope(auth);
        if (scope.role() != Role.LIAISON && scope.role() != Role.STATION_HEAD) {
            throw ApiException.notFound("联络站");
        }
        access.requireRun(auth, id, "联络站");
        if (body.channel() == cn.mashang.concern.Channel.VISIT) {
            throw ApiException.badField("channel", "走访中群众反映的问题由代表在走访记录中登记（POST /api/v1/visits）");
        }
        Long sessionId = body.sessionId();
        if (sessionId != null) {
            ReceptionSession s = sessions.findById(sessionId).filter(x -> x.stationId() == id)
                    .orElseThrow(() -> ApiException.badField("sessionId", "接待日不属于本站"));
            if (s.status() != ReceptionSession.Status.SCHEDULED) {
                throw ApiException.badField("sessionId", "该场接待已取消");
            }
            if (body.channel() != cn.mashang.concern.Channel.RECEPTION_DAY) {
                throw ApiException.badField("channel", "接待日登记的来源应为 RECEPTION_DAY");
            }
        }
        StaffIntake.Result r = intake.create(id, body, idempotencyKey,
                new StaffIntake.Actor(scope.accountId(), scope.role().name()),
                sessionId == null ? null : concernId -> visits.linkConcern(sessionId, concernId));
        var response = HttpResponse.<StaffIntake.Answer>status(r.replayed() ? io.micronaut.http.HttpStatus.OK
                : io.micronaut.http.HttpStatus.CREATED).body(r.answer()).header("Cache-Control", "no-store");
        if (r.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response;
    }

    private ReceptionSession seen(long id, Authentication auth) {
        ReceptionSession s = sessions.findById(id).orElseThrow(() -> ApiException.notFound(WHAT));
        access.requireSee(auth, s.stationId(), WHAT);
        return s;
    }

    private ReceptionSession run(long id, Authentication auth) {
        ReceptionSession s = sessions.findById(id).orElseThrow(() -> ApiException.notFound(WHAT));
        access.requireRun(auth, s.stationId(), WHAT);
        return s;
    }
}
