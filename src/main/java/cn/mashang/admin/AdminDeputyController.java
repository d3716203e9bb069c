package cn.mashang.admin;

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

/** Deputies of the admin's region. */
@Tag(name = "admin")
@StaffApi
@Controller("/api/v1/admin/deputies")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminDeputyController {
    private final DeputyAdmin admin;

    AdminDeputyController(DeputyAdmin admin) {
        this.admin = admin;
    }

    @Operation(operationId = "createDeputy", summary = "新建代表 / Create a deputy")
    @WithBody
    @ApiResponse(responseCode = "201", description = "已创建 / created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdminDtos.DeputyView.class)))
    @Post
    HttpResponse<AdminDtos.DeputyView> create(@Valid @Body AdminDtos.DeputyInput body, Authentication auth) {
        return HttpResponse.created(admin.create(auth, body));
    }

    @Operation(operationId = "updateDeputy", summary = "修改代表 / Update a deputy")
    @WithBody
    @Put("/{id}")
    AdminDtos.DeputyView update(long id, @Valid @Body AdminDtos.DeputyInput body, Authentication auth) {
        return admin.update(auth, id, body);
    }

    /** Deactivates (nothing is deleted: history keeps its references). */
    @Operation(operationId = "deactivateDeputy", summary = "停用代表 / Deactivate a deputy")
    @Delete("/{id}")
    AdminDtos.DeputyView deactivate(long id, Authentication auth) {
        return admin.deactivate(auth, id);
    }
}
