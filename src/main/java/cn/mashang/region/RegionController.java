package cn.mashang.region;

import cn.mashang.openapi.PublicApi;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

@Tag(name = "directory")
@PublicApi
@Controller("/api/v1/regions")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class RegionController {
    private final RegionService regions;

    RegionController(RegionService regions) {
        this.regions = regions;
    }

    /** The region tree of the city (public reference data). */
    @Operation(operationId = "getRegionTree", summary = "地区树 / The region tree of the city")
    @Get
    List<RegionNode> tree() {
        return regions.tree();
    }
}
