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

/** Departments (承办单位) of the admin's region. */
@Tag(name = "admin")
@StaffApi
@Controller("/api/v1/admin/departments")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminDepartmentController {
    private final DepartmentAdmin admin;

    AdminDepartmentController(DepartmentAdmin admin) {
        this.admin = admin;
    }

    @Operation(operationId = "createDepartment", summary = "新建承办单位 / Create a department")
    @Conflicts
    @WithBody
    @ApiResponse(responseCode = "201", description = "已创建 / created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdminDtos.DepartmentView.class)))
    @Post
    HttpResponse<AdminDtos.DepartmentView> create(@Valid @Body AdminDtos.DepartmentInput body, Authentication auth) {
        return HttpResponse.created(admin.create(auth, body));
    }

    @Operation(operationId = "updateDepartment", summary = "修改承办单位 / Update a department")
    @Conflicts
    @WithBody
    @Put("/{id}")
    AdminDtos.DepartmentView update(long id, @Valid @Body AdminDtos.DepartmentInput body, Authentication auth) {
        return admin.update(auth, id, body);
    }

    /** Deactivates (nothing is deleted: history keeps its references). */
    @Operation(operationId = "deactivateDepartment", summary = "停用承办单位 / Deactivate a department")
    @Delete("/{id}")
    AdminDtos.DepartmentView deactivate(long id, Authentication auth) {
        return admin.deactivate(auth, id);
    }
}
