package cn.mashang.concern;

import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.referral.DepartmentCases;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;

/**
 * The staff side of the life cycle (DESIGN.md §7): queues, a concern's detail with its full timeline, the
 * actions {@code POST /api/v1/concerns/{id}/actions/{action}} and the head's record (档案) as PDF.
 *
 * <p>Actions: accept, assign, reply, note, refer, department-answer, request-extension, approve-extension,
 * reject-extension, resolve, reject, merge; sign, dept-answer, return (the department); urge, escalate (head,
 * committee) — see {@link ConcernStateMachine} for states and roles and
 * {@link ActionBody} for the body of each.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class WorkController {
    private final ConcernQueues queues;
    private final ConcernDetails details;
    private final ConcernActions actions;
    private final ConcernRecordPdf pdf;
    private final ObjectMapper json;
    private final DepartmentCases departmentCases;
    private final Scopes scopes;

    WorkController(ConcernQueues queues, ConcernDetails details, ConcernActions actions, ConcernRecordPdf pdf,
                   ObjectMapper json, DepartmentCases departmentCases, Scopes scopes) {
        this.departmentCases = departmentCases;
        this.scopes = scopes;
        this.queues = queues;
        this.details = details;
        this.actions = actions;
        this.pdf = pdf;
        this.json = json;
    }

    /** 待我处理 (view=todo, default) or 我处理过的 (view=done). */
    @Get("/me/queue")
    @Secured({"DEPUTY", "LIAISON", "STATION_HEAD", "ADMIN"})
    ConcernQueues.Page myQueue(@QueryValue @Nullable String view, @QueryValue @Nullable String state,
                               @QueryValue @Nullable String category, @QueryValue @Nullable Boolean overdue,
                               @QueryValue @Nullable Long station, @QueryValue @Nullable String order,
                               @QueryValue @Nullable String cursor, @QueryValue @Nullable Integer size,
                               Authentication authentication) {
        ConcernQueues.View v;
        if (view == null || view.equals("todo")) {
            v = ConcernQueues.View.TODO;
        } else if (view.equals("done")) {
            v = ConcernQueues.View.DONE;
        } else {
            throw ApiException.badField("view", "应为 todo 或 done");
        }
        return queues.mine(authentication, v,
                new ConcernQueues.Filter(state, category, overdue, station, order, cursor, size));
    }

    @Get("/stations/{id}/queue")
    @Secured({"LIAISON", "STATION_HEAD", "ADMIN"})
    ConcernQueues.Page stationQueue(long id, @QueryValue @Nullable String state, @QueryValue @Nullable String category,
                                    @QueryValue @Nullable Boolean overdue, @QueryValue @Nullable String order,
                                    @QueryValue @Nullable String cursor, @QueryValue @Nullable Integer size,
                                    Authentication authentication) {
        return queues.station(authentication, id,
                new ConcernQueues.Filter(state, category, overdue, null, order, cursor, size));
    }

    @Get("/concerns/{id}")
    @Secured({"DEPUTY", "LIAISON", "STATION_HEAD", "ADMIN"})
    HttpResponse<ConcernDetail> detail(long id, Authentication authentication) {
        return HttpResponse.ok(details.of(id, authentication)).header("Cache-Control", "no-store");
    }

    @Post(value = "/concerns/{id}/actions/{action}", consumes = MediaType.APPLICATION_JSON)
    @Secured({"DEPUTY", "LIAISON", "STATION_HEAD", "ADMIN", "DEPARTMENT"})
    HttpResponse<?> act(long id, String action, @Body @Nullable String body, Authentication authentication) {
        ConcernAction a = ConcernAction.ofPath(action).orElseThrow(() -> ApiException.notFound("操作"));
        ActionBody parsed;
        try {
            parsed = json.readValue(body == null || body.isBlank() ? "{}" : body, ActionBody.typeOf(a));
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("请求体不是有效的 JSON，或字段类型不对");
        }
        if (parsed == null) {
            throw ApiException.badRequest("缺少请求体");
        }
        Concern after = actions.perform(id, a, parsed, authentication);
        if (scopes.of(authentication).role() == Role.DEPARTMENT) {
            return HttpResponse.ok(departmentCases.of(after.id(), authentication)).header("Cache-Control", "no-store");
        }
        return HttpResponse.ok(details.of(id, authentication)).header("Cache-Control", "no-store");
    }

    /** The record (档案) of a concern as an A4 PDF: head of its station, or an admin above it. */
    @Get("/concerns/{id}/record.pdf")
    @Secured({"STATION_HEAD", "ADMIN"})
    HttpResponse<byte[]> record(long id, Authentication authentication) {
        ConcernDetail d = details.of(id, authentication);
        pdf.requireManage(authentication, d.stationId());
        return HttpResponse.ok(pdf.render(d)).contentType(MediaType.of("application/pdf"))
                .header("Content-Disposition", "inline; filename=\"record-" + d.trackingNo() + ".pdf\"")
                .header("Cache-Control", "no-store");
    }
}
