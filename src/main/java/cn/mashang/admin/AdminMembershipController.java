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

/** Deputies' seats in stations of the admin's region (进站). */
@Tag(name = "admin")
@StaffApi
@Controller("/api/v1/admin/memberships")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminMembershipController {
    private final MembershipAdmin admin;

    AdminMembershipController(MembershipAdmin admin) {
        this.admin = admin;
    }

    @Operation(operationId = "createMembership", summary = "代表进站 / Place a deputy in a station")
    @Conflicts
    @WithBody
    @ApiResponse(responseCode = "201", description = "已创建 / created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdminDtos.MembershipView.class)))
    @Post
    HttpResponse<AdminDtos.MembershipView> create(@Valid @Body AdminDtos.MembershipInput body, Authentication auth) {
        return HttpResponse.created(admin.create(auth, body));
    }

    @Operation(operationId = "updateMembership", summary = "修改进站 / Update a membership")
    @WithBody
    @Put("/{id}")
    AdminDtos.MembershipView update(long id, @Valid @Body AdminDtos.MembershipUpdate body, Authentication auth) {
        return admin.update(auth, id, body);
    }

    /** Deactivates (nothing is deleted: history keeps its references). */
    @Operation(operationId = "deactivateMembership", summary = "代表离站 / End a membership")
    @Delete("/{id}")
    AdminDtos.MembershipView deactivate(long id, Authentication auth) {
        return admin.deactivate(auth, id);
    }
}
