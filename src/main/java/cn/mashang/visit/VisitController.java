package cn.mashang.visit;

import cn.mashang.openapi.IdempotencyKey;
import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** 走访: a deputy records their visits to residents and the concerns raised on the spot (channel VISIT). */
@Tag(name = "suggestions")
@StaffApi
@Controller("/api/v1/visits")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"DEPUTY", "STATION_HEAD"})
class VisitController {
    private final Visits visits;

    VisitController(Visits visits) {
        this.visits = visits;
    }

    @Operation(operationId = "recordVisit", summary = "记录走访 / A deputy records a visit and the concerns raised")
    @WithBody
    @ApiResponse(responseCode = "201", description = "已记录 / recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Visit.View.class)))
    @ApiResponse(responseCode = "200", description = "重放 / a replay of the same Idempotency-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Visit.View.class)))
    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<Visit.View> record(@Body Visit.Input body,
                                    @IdempotencyKey @Header("Idempotency-Key") @Nullable String idempotencyKey,
                                    Authentication auth) {
        Visits.Result r = visits.record(body, idempotencyKey, auth);
        return HttpResponse.<Visit.View>status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(r.view())
                .header("Cache-Control", "no-store");
    }

    @Operation(operationId = "listMyVisits", summary = "我的走访 / The caller's own visits")
    @Get
    HttpResponse<List<Visit.View>> mine(Authentication auth) {
        return HttpResponse.ok(visits.mine(auth)).header("Cache-Control", "no-store");
    }
}
