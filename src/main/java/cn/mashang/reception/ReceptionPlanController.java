package cn.mashang.reception;

import cn.mashang.auth.StaffScope;
import cn.mashang.common.ApiException;
import cn.mashang.openapi.Conflicts;
import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;

/** Staff side of a station's activity plans (活动计划): list, create, update, publish, cancel. */
@Tag(name = "reception")
@StaffApi
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"DEPUTY", "LIAISON", "STATION_HEAD", "ADMIN"})
class ReceptionPlanController {
    private final ReceptionAccess access;
    private final ReceptionRepositories.Plans planRows;
    private final Plans plans;

    ReceptionPlanController(ReceptionAccess access, ReceptionRepositories.Plans planRows, Plans plans) {
        this.access = access;
        this.planRows = planRows;
        this.plans = plans;
    }

    @Operation(operationId = "listAllPlans", summary = "全部计划 / All activity plans of a station")
    @Get("/stations/{id}/plans/all")
    List<ReceptionDtos.PlanView> allPlans(long id, Authentication auth) {
        access.requireSee(auth, id, "活动计划");
        return plans.views(planRows.allOf(id));
    }

    @Operation(operationId = "createPlan", summary = "新建计划 / Create an activity plan")
    @WithBody
    @ApiResponse(responseCode = "201", description = "已创建 / created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReceptionDtos.PlanView.class)))
    @Post("/stations/{id}/plans")
    HttpResponse<ReceptionDtos.PlanView> createPlan(long id, @Body @Valid ReceptionDtos.PlanInput body, Authentication auth) {
        StaffScope s = access.requireRun(auth, id, "活动计划");
        return HttpResponse.created(plans.views(List.of(plans.create(id, body, s.accountId()))).get(0));
    }

    @Operation(operationId = "updatePlan", summary = "修改计划 / Update an activity plan")
    @Conflicts
    @WithBody
    @Put("/plans/{id}")
    ReceptionDtos.PlanView updatePlan(long id, @Body @Valid ReceptionDtos.PlanInput body, Authentication auth) {
        return plans.views(List.of(plans.update(plan(id, auth), body))).get(0);
    }

    @Operation(operationId = "publishPlan", summary = "发布计划 / Publish an activity plan")
    @Conflicts
    @Post("/plans/{id}/publish")
    ReceptionDtos.PlanView publish(long id, Authentication auth) {
        ActivityPlan p = plan(id, auth);
        if (p.status() == ActivityPlan.Status.CANCELLED) {
            throw ApiException.conflict("已取消的计划不能发布");
        }
        return plans.views(List.of(plans.setStatus(p, ActivityPlan.Status.PUBLISHED))).get(0);
    }

    @Operation(operationId = "cancelPlan", summary = "取消计划 / Cancel an activity plan")
    @Post("/plans/{id}/cancel")
    ReceptionDtos.PlanView cancelPlan(long id, Authentication auth) {
        return plans.views(List.of(plans.setStatus(plan(id, auth), ActivityPlan.Status.CANCELLED))).get(0);
    }

    private ActivityPlan plan(long id, Authentication auth) {
        ActivityPlan p = planRows.findById(id).orElseThrow(() -> ApiException.notFound("活动计划"));
        access.requireRun(auth, p.stationId(), "活动计划");
        return p;
    }
}
