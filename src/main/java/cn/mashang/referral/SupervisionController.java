package cn.mashang.referral;

import cn.mashang.openapi.StaffApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

/**
 * The committee's supervision: the region's overdue queue and its departments' figures (urge and escalate are
 * actions on the concern).
 */
@Tag(name = "dashboard")
@StaffApi
@Controller("/api/v1/regions")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class SupervisionController {
    private final RegionOverdue overdue;
    private final DepartmentFigures figures;

    SupervisionController(RegionOverdue overdue, DepartmentFigures figures) {
        this.overdue = overdue;
        this.figures = figures;
    }

    /** The departments of the region and below with their figures, ranked (small samples unranked, last). */
    @Operation(operationId = "getRegionDepartments", summary = "部门办理统计 / Department figures and ranking of a region")
    @Get("/{id}/departments")
    java.util.List<DepartmentFigures.Row> departments(long id, Authentication auth) {
        return figures.of(auth, id);
    }

    /** Every open concern of the region past any deadline, oldest first, with who holds it now. */
    @Operation(operationId = "getRegionOverdue", summary = "超期督办队列 / Every open concern of the region past a deadline")
    @Get("/{id}/overdue")
    HttpResponse<RegionOverdue.Page> overdue(long id, @QueryValue @Nullable String cursor,
                                             @QueryValue @Nullable Integer size, Authentication auth) {
        return HttpResponse.ok(overdue.page(auth, id, cursor, size)).header("Cache-Control", "no-store");
    }
}
