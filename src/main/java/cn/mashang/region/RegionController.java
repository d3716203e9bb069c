package cn.mashang.region;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;

@Controller("/api/v1/regions")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class RegionController {
    private final RegionService regions;

    RegionController(RegionService regions) {
        this.regions = regions;
    }

    /** The region tree of the city (public reference data). */
    @Get
    List<RegionNode> tree() {
        return regions.tree();
    }
}
