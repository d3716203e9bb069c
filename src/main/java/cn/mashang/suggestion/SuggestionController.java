package cn.mashang.suggestion;

import cn.mashang.common.ApiException;
import cn.mashang.openapi.Conflicts;
import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;

/**
 * 代表建议: deputies draft them from concerns, the committee (ADMIN of the region) registers and assigns them, the
 * lead unit (or the committee for it) replies, the author rates the reply. Outside the caller's scope: 404.
 */
@Tag(name = "suggestions")
@StaffApi
@Controller("/api/v1/suggestions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"DEPUTY", "STATION_HEAD", "ADMIN", "DEPARTMENT"})
class SuggestionController {
    static final String ACTION_BODY = """
            按操作而定 / By action: register {version, number} · assign {version, leadDepartmentId, coDepartmentIds?, \
            replyWorkingDays?} · reply {version, text} · rate {version, rating, comment?} (DISSATISFIED in the first \
            round starts the second handling)""";
    private final Suggestions suggestions;
    private final SuggestionViews views;
    private final ObjectMapper json;

    SuggestionController(Suggestions suggestions, SuggestionViews views, ObjectMapper json) {
        this.suggestions = suggestions;
        this.views = views;
        this.json = json;
    }

    @Operation(operationId = "draftSuggestion", summary = "提出建议 / A deputy drafts a suggestion from concerns")
    @WithBody
    @ApiResponse(responseCode = "201", description = "已提交 / submitted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionView.class)))
    @Post(consumes = MediaType.APPLICATION_JSON)
    @Secured({"DEPUTY", "STATION_HEAD"})
    HttpResponse<SuggestionView> draft(@Body SuggestionBody.Draft body, Authentication auth) {
        Suggestion s = suggestions.draft(body, auth);
        return HttpResponse.created(views.of(s.id(), auth)).header("Cache-Control", "no-store");
    }

    @Operation(operationId = "listSuggestions", summary = "建议列表 / The caller's suggestions (own, region's or unit's), newest first, cursor-paged")
    @Get
    HttpResponse<SuggestionView.Page> list(
            @Parameter(description = "状态 / one state: SUBMITTED, REGISTERED, ASSIGNED, REPLIED, CLOSED") @QueryValue @Nullable String state,
            @QueryValue @Nullable String cursor, @QueryValue @Nullable Integer size, Authentication auth) {
        return HttpResponse.ok(views.list(auth, state, cursor, size)).header("Cache-Control", "no-store");
    }

    @Operation(operationId = "getSuggestion", summary = "建议详情 / A suggestion with its timeline and allowed actions")
    @Get("/{id}")
    HttpResponse<SuggestionView> detail(long id, Authentication auth) {
        return HttpResponse.ok(views.of(id, auth)).header("Cache-Control", "no-store");
    }

    @Operation(operationId = "performSuggestionAction", summary = "建议办理 / register, assign, reply, rate")
    @Conflicts
    @WithBody
    @RequestBody(required = true, description = ACTION_BODY, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(anyOf = {SuggestionBody.Register.class, SuggestionBody.Assign.class,
                    SuggestionBody.Reply.class, SuggestionBody.Rate.class})))
    @Post(value = "/{id}/actions/{action}", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<SuggestionView> act(long id, String action, @Body @Nullable String body, Authentication auth) {
        var a = SuggestionStateMachine.Action.ofPath(action).orElseThrow(() -> ApiException.notFound("操作"));
        SuggestionBody.Action parsed;
        try {
            parsed = json.readValue(body == null || body.isBlank() ? "{}" : body, SuggestionBody.typeOf(a));
        } catch (IOException | RuntimeException e) {
            throw ApiException.within(e).orElseGet(() -> ApiException.badRequest("请求体不是有效的 JSON，或字段类型不对"));
        }
        if (parsed == null) {
            throw ApiException.badRequest("缺少请求体");
        }
        suggestions.act(id, a, parsed, auth);
        return HttpResponse.ok(views.of(id, auth)).header("Cache-Control", "no-store");
    }
}
