package cn.mashang.concern.work;

import cn.mashang.openapi.StaffApi;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;

/** Staff search over the concerns of the caller's scope (DESIGN.md §7; {@link ConcernSearch}). */
@Tag(name = "work")
@StaffApi
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchController {
    private final ConcernSearch search;

    SearchController(ConcernSearch search) {
        this.search = search;
    }

    @Operation(operationId = "searchConcerns", summary = "检索反映 / Search the concerns of the caller's scope, cursor-paged",
            description = "q: 受理编号（精确）或关键词（内容、地址、类别、答复；中文按字检索，如“路灯”）/ a tracking number "
                    + "(exact) or words, each found in the content, address, category or a reply text. Scope as the "
                    + "queues: deputy own, liaison and head the station, department its referrals, admin the region.")
    @Get("/concerns")
    @Secured({"DEPUTY", "LIAISON", "STATION_HEAD", "ADMIN", "DEPARTMENT"})
    HttpResponse<ConcernQueues.Page> search(
            @Parameter(description = "关键词或受理编号 / words or a tracking number") @QueryValue @Nullable String q,
            @Parameter(description = "状态，逗号分隔或 open / states, comma-separated, or open") @QueryValue @Nullable String state,
            @QueryValue @Nullable Long station, @QueryValue @Nullable Long region, @QueryValue @Nullable Long department,
            @Parameter(description = "提交日期起（含）/ submitted on or after (yyyy-mm-dd)") @QueryValue @Nullable LocalDate from,
            @Parameter(description = "提交日期止（含）/ submitted on or before (yyyy-mm-dd)") @QueryValue @Nullable LocalDate to,
            @QueryValue @Nullable Boolean overdue, @QueryValue @Nullable String cursor, @QueryValue @Nullable Integer size,
            Authentication authentication) {
        return HttpResponse.ok(search.search(authentication, new ConcernSearch.Filter(q, state, station, region, department,
                from, to, overdue, cursor, size))).header("Cache-Control", "no-store");
    }
}
