package cn.mashang.sla;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.List;

/** Admin API of the SLA rules. */
@Controller("/api/v1/admin/sla-rules")
@Secured({"ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class SlaRuleController {
    private final SlaRules rules;

    SlaRuleController(SlaRules rules) {
        this.rules = rules;
    }

    // TODO(scope, after the auth merge): list only the rules of regions the admin administers (plus the city default).
    @Get
    List<SlaRuleView> list() {
        return rules.list().stream().map(SlaRuleView::of).toList();
    }

    // TODO(scope, after the auth merge): scopes.requireAdministerRegion(auth, body.regionId(), "地区");
    // a null regionId (city-wide rules) only for an admin of the city root.
    @Put
    SlaRuleView put(@Body @Nullable SlaRuleInput body) {
        return SlaRuleView.of(rules.put(body));
    }
}
