package cn.mashang.station;

import cn.mashang.common.PageResponse;
import cn.mashang.common.Paging;
import cn.mashang.openapi.PublicApi;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public reference data: stations of a region, one station with its deputies and codes. */
@Tag(name = "directory")
@PublicApi
@Controller("/api/v1/stations")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class StationController {
    private final StationQueries queries;

    StationController(StationQueries queries) {
        this.queries = queries;
    }

    @Operation(operationId = "listStations", summary = "联络站列表 / Stations, page-numbered, optionally of a region")
    @Get
    PageResponse<StationSummary> list(@QueryValue @Nullable Long region,
                                      @QueryValue @Nullable Integer page,
                                      @QueryValue @Nullable Integer size) {
        return queries.list(region, Paging.of(page, size, null));
    }

    @Operation(operationId = "getStation", summary = "联络站 / One station with its code and deputies")
    @Get("/{id}")
    StationDetail get(long id) {
        return queries.detail(id);
    }
}
