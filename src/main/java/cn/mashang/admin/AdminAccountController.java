package cn.mashang.admin;

import cn.mashang.common.PageResponse;
import cn.mashang.common.Paging;
import cn.mashang.openapi.Conflicts;
import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
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

/** Staff accounts of the admin's region: list, read, create, update, deactivate/activate, reset password. */
@Tag(name = "admin")
@StaffApi
@Controller("/api/v1/admin/accounts")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminAccountController {
    private final AccountAdmin admin;

    AdminAccountController(AccountAdmin admin) {
        this.admin = admin;
    }

    @Operation(operationId = "listAccounts", summary = "账号列表 / Staff accounts of the admin's region")
    @Get
    PageResponse<AdminDtos.AccountView> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size,
                                             Authentication auth) {
        return admin.list(auth, Paging.of(page, size, Sort.UNSORTED));
    }

    @Operation(operationId = "getAccount", summary = "账号 / One staff account")
    @Get("/{id}")
    AdminDtos.AccountView get(long id, Authentication auth) {
        return admin.get(auth, id);
    }

    @Operation(operationId = "createAccount", summary = "新建账号 / Create a staff account")
    @Conflicts
    @WithBody
    @ApiResponse(responseCode = "201", description = "已创建 / created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdminDtos.AccountView.class)))
    @Post
    HttpResponse<AdminDtos.AccountView> create(@Valid @Body AdminDtos.AccountInput body, Authentication auth) {
        return HttpResponse.created(admin.create(auth, body));
    }

    @Operation(operationId = "updateAccount", summary = "修改账号 / Update a staff account")
    @Conflicts
    @WithBody
    @Put("/{id}")
    AdminDtos.AccountView update(long id, @Valid @Body AdminDtos.AccountInput body, Authentication auth) {
        return admin.update(auth, id, body);
    }

    /** Deactivates the account; its tokens fail on their next request. */
    @Operation(operationId = "deactivateAccount", summary = "停用账号 / Deactivate a staff account")
    @Conflicts
    @Delete("/{id}")
    AdminDtos.AccountView deactivate(long id, Authentication auth) {
        return admin.setActive(auth, id, false);
    }

    @Operation(operationId = "activateAccount", summary = "启用账号 / Activate a staff account again")
    @Post("/{id}/activate")
    AdminDtos.AccountView activate(long id, Authentication auth) {
        return admin.setActive(auth, id, true);
    }

    @Operation(operationId = "resetAccountPassword", summary = "重置密码 / Reset an account's password")
    @WithBody
    @Post("/{id}/password")
    AdminDtos.AccountView resetPassword(long id, @Valid @Body AdminDtos.PasswordReset body, Authentication auth) {
        return admin.resetPassword(auth, id, body.password());
    }
}
