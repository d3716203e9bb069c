package cn.mashang.admin;

import cn.mashang.openapi.Conflicts;
import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Stations of the admin's region. */
@Tag(name = "admin")
@StaffApi
@Controller("/api/v1/admin/stations")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminStationController {
    private final StationAdmin admin;

    AdminStationController(StationAdmin admin) {
        this.admin = admin;
    }

    @Operation(operationId = "createStation", summary = "新建联络站 / Create a station")
    @Conflicts
    @WithBody
    @ApiResponse(responseCode = "201", description = "已创建 / created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdminDtos.StationView.class)))
    @Post
    HttpResponse<AdminDtos.StationView> create(@Valid @Body AdminDtos.StationInput body, Authentication auth) {
        return HttpResponse.created(admin.create(auth, body));
    }

    @Operation(operationId = "updateStation", summary = "修改联络站 / Update a station")
    @Conflicts
    @WithBody
    @Put("/{id}")
    AdminDtos.StationView update(long id, @Valid @Body AdminDtos.StationInput body, Authentication auth) {
        return admin.update(auth, id, body);
    }

    /** Deactivates the station: it leaves public lists and its staff's scope. */
    @Operation(operationId = "deactivateStation", summary = "停用联络站 / Deactivate a station")
    @Delete("/{id}")
    AdminDtos.StationView deactivate(long id, Authentication auth) {
        return admin.setActive(auth, id, false);
    }

    @Operation(operationId = "activateStation", summary = "启用联络站 / Activate a station again")
    @Post("/{id}/activate")
    AdminDtos.StationView activate(long id, Authentication auth) {
        return admin.setActive(auth, id, true);
    }
}
