package cn.mashang.admin;

import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** PUT /api/v1/stations/{id}/public-info: a head edits their own station's public face; admins above it too. */
@Tag(name = "admin")
@StaffApi
@Controller("/api/v1/stations")
@Secured({"STATION_HEAD", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class StationPublicInfoController {
    private final StationAdmin admin;

    StationPublicInfoController(StationAdmin admin) {
        this.admin = admin;
    }

    @Operation(operationId = "updateStationPublicInfo", summary = "联络站公开信息 / Update a station's public information")
    @WithBody
    @Put("/{id}/public-info")
    AdminDtos.StationView update(long id, @Valid @Body AdminDtos.PublicInfo body, Authentication auth) {
        return admin.publicInfo(auth, id, body);
    }
}
