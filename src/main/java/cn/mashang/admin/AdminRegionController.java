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

/** Regions below the admin's own (ADMIN within region). */
@Tag(name = "admin")
@StaffApi
@Controller("/api/v1/admin/regions")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminRegionController {
    private final RegionAdmin admin;

    AdminRegionController(RegionAdmin admin) {
        this.admin = admin;
    }

    @Operation(operationId = "createRegion", summary = "新建地区 / Create a region")
    @Conflicts
    @WithBody
    @ApiResponse(responseCode = "201", description = "已创建 / created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdminDtos.RegionView.class)))
    @Post
    HttpResponse<AdminDtos.RegionView> create(@Valid @Body AdminDtos.RegionInput body, Authentication auth) {
        return HttpResponse.created(admin.create(auth, body));
    }

    @Operation(operationId = "updateRegion", summary = "修改地区 / Update a region")
    @Conflicts
    @WithBody
    @Put("/{id}")
    AdminDtos.RegionView update(long id, @Valid @Body AdminDtos.RegionInput body, Authentication auth) {
        return admin.update(auth, id, body);
    }

    /** Deactivates (nothing is deleted: history keeps its references). */
    @Operation(operationId = "deactivateRegion", summary = "停用地区 / Deactivate a region")
    @Conflicts
    @Delete("/{id}")
    AdminDtos.RegionView deactivate(long id, Authentication auth) {
        return admin.deactivate(auth, id);
    }
}
