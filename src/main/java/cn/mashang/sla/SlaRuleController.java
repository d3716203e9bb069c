package cn.mashang.sla;

import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import cn.mashang.auth.Scopes;
import cn.mashang.region.RegionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Admin API of the SLA rules. */
@Tag(name = "admin")
@StaffApi
@Controller("/api/v1/admin/sla-rules")
@Secured({"ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class SlaRuleController {
    private final SlaRules rules;
    private final Scopes scopes;
    private final RegionService regions;

    SlaRuleController(SlaRules rules, Scopes scopes, RegionService regions) {
        this.rules = rules;
        this.scopes = scopes;
        this.regions = regions;
    }

    /** The city-wide rules and those of the regions the admin administers. */
    @Operation(operationId = "listSlaRules", summary = "时限规则 / SLA rules the admin may see")
    @Get
    List<SlaRuleView> list(Authentication auth) {
        return rules.list().stream()
                .filter(r -> r.regionId() == null || scopes.canAdministerRegion(auth, r.regionId()))
                .map(SlaRuleView::of).toList();
    }

    /** City-wide rules (no region) only for an admin of the city root; else the region must be in scope. */
    @Operation(operationId = "putSlaRule", summary = "设置时限规则 / Create or replace an SLA rule")
    @WithBody
    @Put
    SlaRuleView put(@Body @Nullable SlaRuleInput body, Authentication auth) {
        if (body != null) {
            scopes.requireAdministerRegion(auth, body.regionId() == null ? regions.rootId() : body.regionId(), "地区");
        }
        return SlaRuleView.of(rules.put(body));
    }
}
