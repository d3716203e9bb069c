package cn.mashang.concern.work;

import cn.mashang.concern.Concern;
import cn.mashang.concern.lifecycle.ActionBody;
import cn.mashang.concern.lifecycle.ConcernAction;
import cn.mashang.concern.lifecycle.ConcernActions;
import cn.mashang.concern.lifecycle.ConcernStateMachine;
import cn.mashang.common.ApiException;
import cn.mashang.openapi.Conflicts;
import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

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
@Tag(name = "work")
@StaffApi
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class WorkController {
    /** OpenAPI: the body of an action, one shape per action (see {@link ActionBody}). */
    static final String ACTION_BODY = """
            办理操作的请求体，按操作而定 / The body depends on the action: accept {version} · assign {version, deputyId} · \
            reply, note, department-answer, reject, approve-extension, reject-extension {version, text} · refer \
            {version, departmentId, deadline?, text?} · request-extension {version, until, text} · resolve {version, \
            outcome, text} · merge {version, intoId, text?}. `version` is the last-seen version of the concern \
            (only note may omit it); other fields are ignored.""";
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
    @Operation(operationId = "getMyQueue", summary = "我的待办 / The caller's queue (todo or done), cursor-paged")
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

    @Operation(operationId = "getStationQueue", summary = "联络站队列 / Every concern of a station, cursor-paged")
    @Get("/stations/{id}/queue")
    @Secured({"LIAISON", "STATION_HEAD", "ADMIN"})
    ConcernQueues.Page stationQueue(long id, @QueryValue @Nullable String state, @QueryValue @Nullable String category,
                                    @QueryValue @Nullable Boolean overdue, @QueryValue @Nullable String order,
                                    @QueryValue @Nullable String cursor, @QueryValue @Nullable Integer size,
                                    Authentication authentication) {
        return queues.station(authentication, id,
                new ConcernQueues.Filter(state, category, overdue, null, order, cursor, size));
    }

    @Operation(operationId = "getConcern", summary = "反映详情 / A concern with its timeline, allowed actions and version")
    @Get("/concerns/{id}")
    @Secured({"DEPUTY", "LIAISON", "STATION_HEAD", "ADMIN"})
    HttpResponse<ConcernDetail> detail(long id, Authentication authentication) {
        return HttpResponse.ok(details.of(id, authentication)).header("Cache-Control", "no-store");
    }

    @Operation(operationId = "performAction", summary = "办理操作 / Perform a life-cycle action (reply, refer, resolve, …)",
            description = "答复：办理后的反映详情（部门账号收到其交办视图）/ Answers the concern's detail afterwards (a "
                    + "DEPARTMENT caller receives its referral view, GET /api/v1/me/referrals/{id}).")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "办理后的详情 / The detail afterwards",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConcernDetail.class)))
    @Conflicts
    @WithBody
    @RequestBody(required = true, description = ACTION_BODY, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(anyOf = {ActionBody.Accept.class, ActionBody.Assign.class, ActionBody.Reply.class,
                    ActionBody.Note.class, ActionBody.Refer.class, ActionBody.DepartmentAnswer.class,
                    ActionBody.RequestExtension.class, ActionBody.ApproveExtension.class,
                    ActionBody.RejectExtension.class, ActionBody.Resolve.class, ActionBody.Reject.class,
                    ActionBody.Merge.class}),
            examples = @ExampleObject(name = "reply", value = "{\"version\": 3, \"text\": \"已联系供热公司，本周内检修。\"}")))
    @Post(value = "/concerns/{id}/actions/{action}", consumes = MediaType.APPLICATION_JSON)
    @Secured({"DEPUTY", "LIAISON", "STATION_HEAD", "ADMIN", "DEPARTMENT"})
    HttpResponse<?> act(long id, String action, @Body @Nullable String body, Authentication authentication) {
        ConcernAction a = ConcernAction.ofPath(action).orElseThrow(() -> ApiException.notFound("操作"));
        ActionBody parsed;
        try {
            parsed = json.readValue(body == null || body.isBlank() ? "{}" : body, ActionBody.typeOf(a));
        } catch (IOException | RuntimeException e) {
            throw ApiException.within(e).orElseGet(() -> ApiException.badRequest("请求体不是有效的 JSON，或字段类型不对"));
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
    @Operation(operationId = "getConcernRecordPdf", summary = "档案 PDF / The concern's record as an A4 PDF")
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
