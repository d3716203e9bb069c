package cn.mashang.location;

import cn.mashang.auth.Scopes;
import cn.mashang.openapi.PublicApi;
import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.time.Clock;
import java.util.List;

/** Location (issue 22): a station's communities (public pick list; its head edits it) and the head's hot spots. */
@Tag(name = "location")
@Controller("/api/v1/stations/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
class LocationController {
    private final StationCommunities communities;
    private final Hotspots hotspots;
    private final Scopes scopes;
    private final Clock clock;

    LocationController(StationCommunities communities, Hotspots hotspots, Scopes scopes, Clock clock) {
        this.communities = communities;
        this.hotspots = hotspots;
        this.scopes = scopes;
        this.clock = clock;
    }

    @Operation(operationId = "listStationCommunities", summary = "片区小区/村 / The communities a resident may pick")
    @PublicApi
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/communities")
    List<StationCommunities.View> list(long id) {
        return communities.list(id);
    }

    @Operation(operationId = "addStationCommunity", summary = "添加小区/村 / Add a community to the station's list")
    @StaffApi
    @WithBody
    @Secured({"STATION_HEAD", "ADMIN"})
    @ApiResponse(responseCode = "201", description = "已添加 / added (or re-activated)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StationCommunities.View.class)))
    @Post(value = "/communities", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<StationCommunities.View> add(long id, @Valid @Body StationCommunities.Input body, Authentication auth) {
        scopes.requireManageStation(auth, id, "联络站");
        return HttpResponse.created(communities.add(id, body.name()));
    }

    @Operation(operationId = "removeStationCommunity", summary = "停用小区/村 / Take a community off the list (kept on past concerns)")
    @StaffApi
    @Secured({"STATION_HEAD", "ADMIN"})
    @Delete("/communities/{communityId}")
    StationCommunities.View remove(long id, long communityId, Authentication auth) {
        scopes.requireManageStation(auth, id, "联络站");
        return communities.remove(id, communityId);
    }

    @Operation(operationId = "getStationHotspots", summary = "反映热点 / Concerns of the last 90 days by community and place")
    @StaffApi
    @Secured({"LIAISON", "STATION_HEAD", "ADMIN"})
    @Get("/hotspots")
    Hotspots.Answer hotspots(long id, Authentication auth) {
        scopes.requireSeeStation(auth, id, "联络站");
        return hotspots.of(id, clock.instant());
    }
}
