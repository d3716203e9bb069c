package cn.mashang.reception;

import cn.mashang.auth.Role;
import cn.mashang.auth.StaffScope;
import cn.mashang.common.ApiException;
import cn.mashang.concern.StaffIntake;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import jakarta.validation.Valid;

import java.time.LocalDate;
import java.util.List;

/**
 * Staff side of reception days: rules and one-off sessions, on-duty deputies, bookings and check-in, walk-ins,
 * deputies' check-in (进站履职), station figures, activity plans, and in-person / phone intake.
 */
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
    private final ReceptionRepositories.Plans planRows;
    private final Bookings bookings;
    private final Visits visits;
    private final Plans plans;
    private final StaffIntake intake;

    ReceptionStaffController(ReceptionAccess access, SessionPlanner planner, ReceptionRepositories.Rules rules,
                             ReceptionRepositories.Sessions sessions, ReceptionRepositories.Bookings bookingRows,
                             ReceptionRepositories.Plans planRows, Bookings bookings,
                             Visits visits, Plans plans, StaffIntake intake) {
        this.access = access;
        this.planner = planner;
        this.rules = rules;
        this.sessions = sessions;
        this.bookingRows = bookingRows;
        this.planRows = planRows;
        this.bookings = bookings;
        this.visits = visits;
        this.plans = plans;
        this.intake = intake;
    }

    @Serdeable
    record WalkIns(long sessionId, int walkIns) {
    }

    @Serdeable
    record Attendance(long sessionId, long deputyId, boolean newlyCheckedIn) {
    }

    // ---- rules and sessions ----

    @Get("/stations/{id}/reception-rules")
    List<ReceptionDtos.RuleView> rules(long id, Authentication auth) {
        access.requireSee(auth, id, WHAT);
        return planner.rulesOf(id);
    }

    @Post("/stations/{id}/reception-rules")
    HttpResponse<ReceptionDtos.RuleView> createRule(long id, @Body @Valid ReceptionDtos.RuleInput body, Authentication auth) {
        access.requireRun(auth, id, WHAT);
        return HttpResponse.created(planner.createRule(id, body));
    }

    @Delete("/reception-rules/{id}")
    HttpResponse<Void> deleteRule(long id, Authentication auth) {
        ReceptionRule r = rules.findById(id).filter(ReceptionRule::active).orElseThrow(() -> ApiException.notFound("接待规则"));
        access.requireRun(auth, r.stationId(), "接待规则");
        planner.deactivateRule(r);
        return HttpResponse.noContent();
    }

    /** Sessions with check-ins and visit figures (staff of the station): upcoming, or dated in [from, to]. */
    @Get("/stations/{id}/sessions/staff")
    List<ReceptionDtos.SessionView> staffSessions(long id, @QueryValue @Nullable Boolean upcoming,
                                                  @QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to,
                                                  Authentication auth) {
        access.requireSee(auth, id, WHAT);
        return visits.views(planner.sessionsOf(id, upcoming, from, to), true);
    }

    @Post("/stations/{id}/sessions")
    HttpResponse<ReceptionDtos.SessionView> createSession(long id, @Body @Valid ReceptionDtos.SessionInput body,
                                                          Authentication auth) {
        access.requireRun(auth, id, WHAT);
        return HttpResponse.created(visits.views(List.of(planner.createOneOff(id, body)), true).get(0));
    }

    @Get("/sessions/{id}/staff")
    ReceptionDtos.SessionView staffSession(long id, Authentication auth) {
        ReceptionSession s = seen(id, auth);
        return visits.views(List.of(s), true).get(0);
    }

    @Post("/sessions/{id}/cancel")
    ReceptionDtos.SessionView cancel(long id, Authentication auth) {
        ReceptionSession s = run(id, auth);
        sessions.cancel(s.id(), planner.now());
        return visits.views(List.of(sessions.findById(id).orElseThrow()), true).get(0);
    }

    @Put("/sessions/{id}/duty")
    ReceptionDtos.SessionView duty(long id, @Body @Valid ReceptionDtos.DutyInput body, Authentication auth) {
        ReceptionSession s = run(id, auth);
        planner.replaceDuty(s, body.deputyIds());
        return visits.views(List.of(s), true).get(0);
    }

    // ---- bookings, check-in, walk-ins, attendance ----

    @Get("/sessions/{id}/bookings")
    List<ReceptionDtos.BookingRow> bookings(long id, Authentication auth) {
        run(id, auth);
        return bookingRows.findBySessionIdOrderById(id).stream().map(Bookings::row).toList();
    }

    @Post("/sessions/{id}/check-in")
    ReceptionDtos.CheckInAnswer checkIn(long id, @Body ReceptionDtos.CheckInInput body, Authentication auth) {
        ReceptionSession s = run(id, auth);
        return bookings.checkIn(s, body, access.scope(auth).accountId());
    }

    @Post("/sessions/{id}/walk-ins")
    WalkIns walkIns(long id, @Body @Valid ReceptionDtos.WalkInInput body, Authentication auth) {
        ReceptionSession s = run(id, auth);
        if (s.status() != ReceptionSession.Status.SCHEDULED) {
            throw ApiException.conflict("该场接待已取消");
        }
        return new WalkIns(id, visits.addWalkIns(s, body.delta(), planner.now()));
    }

    /** 进站履职: a deputy checks themself in, or the liaison/head checks a deputy of the station in. */
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

    @Get("/stations/{id}/reception-figures")
    ReceptionDtos.Figures figures(long id, @QueryValue LocalDate from, @QueryValue LocalDate to, Authentication auth) {
        access.requireSee(auth, id, WHAT);
        if (to.isBefore(from)) {
            throw ApiException.badField("to", "结束日期不能早于开始日期");
        }
        return visits.figures(id, from, to);
    }

    // ---- activity plans ----

    @Get("/stations/{id}/plans/all")
    List<ReceptionDtos.PlanView> allPlans(long id, Authentication auth) {
        access.requireSee(auth, id, "活动计划");
        return plans.views(planRows.allOf(id));
    }

    @Post("/stations/{id}/plans")
    HttpResponse<ReceptionDtos.PlanView> createPlan(long id, @Body @Valid ReceptionDtos.PlanInput body, Authentication auth) {
        StaffScope s = access.requireRun(auth, id, "活动计划");
        return HttpResponse.created(plans.views(List.of(plans.create(id, body, s.accountId()))).get(0));
    }

    @Put("/plans/{id}")
    ReceptionDtos.PlanView updatePlan(long id, @Body @Valid ReceptionDtos.PlanInput body, Authentication auth) {
        return plans.views(List.of(plans.update(plan(id, auth), body))).get(0);
    }

    @Post("/plans/{id}/publish")
    ReceptionDtos.PlanView publish(long id, Authentication auth) {
        ActivityPlan p = plan(id, auth);
        if (p.status() == ActivityPlan.Status.CANCELLED) {
            throw ApiException.conflict("已取消的计划不能发布");
        }
        return plans.views(List.of(plans.setStatus(p, ActivityPlan.Status.PUBLISHED))).get(0);
    }

    @Post("/plans/{id}/cancel")
    ReceptionDtos.PlanView cancelPlan(long id, Authentication auth) {
        return plans.views(List.of(plans.setStatus(plan(id, auth), ActivityPlan.Status.CANCELLED))).get(0);
    }

    // ---- in-person and phone intake ----

    /** A concern raised in person (RECEPTION_DAY, optionally at a session) or by phone, entered by staff. */
    @Post("/stations/{id}/intake")
    HttpResponse<StaffIntake.Answer> intake(long id, @Body StaffIntake.Request body,
                                            @Header("Idempotency-Key") @Nullable String idempotencyKey,
                                            Authentication auth) {
        StaffScope scope = access.scope(auth);
        if (scope.role() != Role.LIAISON && scope.role() != Role.STATION_HEAD) {
            throw ApiException.notFound("联络站");
        }
        access.requireRun(auth, id, "联络站");
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

    private ActivityPlan plan(long id, Authentication auth) {
        ActivityPlan p = planRows.findById(id).orElseThrow(() -> ApiException.notFound("活动计划"));
        access.requireRun(auth, p.stationId(), "活动计划");
        return p;
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
