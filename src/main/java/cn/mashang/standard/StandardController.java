package cn.mashang.standard;

import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.openapi.Conflicts;
import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Station standards (五有 / 十有, docs/standards.md): a region's checklist (admins of the region), a station's items
 * with evidence and reviews (its head fills, the committee reviews), the region's completion map. Outside the
 * caller's scope: 404.
 */
@Tag(name = "standards")
@StaffApi
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"STATION_HEAD", "ADMIN"})
class StandardController {
    private final Checklists checklists;
    private final StationStandards stations;
    private final CompletionMap map;
    private final Scopes scopes;

    StandardController(Checklists checklists, StationStandards stations, CompletionMap map, Scopes scopes) {
        this.checklists = checklists;
        this.stations = stations;
        this.map = map;
        this.scopes = scopes;
    }

    @Operation(operationId = "getRegionStandards", summary = "达标清单 / The region's checklist (own or inherited)")
    @Get("/regions/{id}/standards")
    @Secured({"ADMIN"})
    HttpResponse<StandardViews.Checklist> checklist(long id, Authentication auth) {
        scopes.requireAdministerRegion(auth, id, "地区");
        return HttpResponse.ok(checklists.view(id)).header("Cache-Control", "no-store");
    }

    @Operation(operationId = "putRegionStandards", summary = "设置达标清单 / Replace the region's own checklist "
            + "(named ids kept, new items added, left-out ones retired; an empty list inherits again)")
    @Conflicts
    @WithBody
    @Put(value = "/regions/{id}/standards", consumes = MediaType.APPLICATION_JSON)
    @Secured({"ADMIN"})
    HttpResponse<StandardViews.Checklist> putChecklist(long id, @Body @Nullable StandardBodies.Checklist body,
                                                       Authentication auth) {
        scopes.requireAdministerRegion(auth, id, "地区");
        checklists.replace(id, required(body), scopes.of(auth).accountId());
        return HttpResponse.ok(checklists.view(id)).header("Cache-Control", "no-store");
    }

    @Operation(operationId = "getStandardsMap", summary = "达标完成情况 / Completion map of the region's stations")
    @Get("/regions/{id}/standards/map")
    @Secured({"ADMIN"})
    HttpResponse<StandardViews.CompletionMap> completion(long id, @QueryValue @Nullable Integer year,
                                                         Authentication auth) {
        return HttpResponse.ok(map.of(id, year, auth)).header("Cache-Control", "no-store");
    }

    @Operation(operationId = "getStationStandards", summary = "本站达标 / A station's items, evidence and reviews")
    @Get("/stations/{id}/standards")
    HttpResponse<StandardViews.Station> station(long id, @QueryValue @Nullable Integer year, Authentication auth) {
        return HttpResponse.ok(stations.view(id, year, auth)).header("Cache-Control", "no-store");
    }

    @Operation(operationId = "putStandardEvidence", summary = "填报达标材料 / The head fills an item (text and/or a "
            + "photo from POST /api/v1/uploads)")
    @Conflicts
    @WithBody
    @Put(value = "/stations/{id}/standards/{itemId}", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<StandardViews.Station> evidence(long id, long itemId, @Body @Nullable StandardBodies.Evidence body,
                                                 Authentication auth) {
        return HttpResponse.ok(stations.submit(id, itemId, required(body), auth)).header("Cache-Control", "no-store");
    }

    @Operation(operationId = "reviewStandardItem", summary = "审核达标材料 / The committee passes or returns an item")
    @Conflicts
    @WithBody
    @Post(value = "/stations/{id}/standards/{itemId}/review", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<StandardViews.Station> review(long id, long itemId, @Body @Nullable StandardBodies.Review body,
                                               Authentication auth) {
        return HttpResponse.ok(stations.review(id, itemId, required(body), auth)).header("Cache-Control", "no-store");
    }

    @Operation(operationId = "getStandardPhoto", summary = "达标材料图片 / The photo of an item's evidence (JPEG)")
    @Get("/stations/{id}/standards/{itemId}/photo")
    HttpResponse<byte[]> photo(long id, long itemId, @QueryValue @Nullable Integer year, Authentication auth) {
        return HttpResponse.ok(stations.photo(id, itemId, year, auth)).contentType(MediaType.IMAGE_JPEG_TYPE)
                .header("Cache-Control", "private, max-age=3600");
    }

    private static <T> T required(@Nullable T body) {
        if (body == null) {
            throw ApiException.badRequest("缺少请求体");
        }
        return body;
    }
}
