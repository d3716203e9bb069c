package cn.mashang.deputy;

import cn.mashang.openapi.PublicApi;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "directory")
@PublicApi
@Controller("/api/v1/deputies")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class DeputyController {
    private final DeputyQueries queries;

    DeputyController(DeputyQueries queries) {
        this.queries = queries;
    }

    /** One deputy's public card with the stations they sit in. */
    @Operation(operationId = "getDeputy", summary = "代表 / A deputy's public card")
    @Get("/{id}")
    DeputyDetail get(long id) {
        return queries.detail(id);
    }
}
