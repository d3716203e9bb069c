package cn.mashang.admin;

import cn.mashang.common.PageResponse;
import cn.mashang.common.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
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
import jakarta.validation.Valid;

/** Staff accounts of the admin's region: list, read, create, update, deactivate/activate, reset password. */
@Controller("/api/v1/admin/accounts")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminAccountController {
    private final AccountAdmin admin;

    AdminAccountController(AccountAdmin admin) {
        this.admin = admin;
    }

    @Get
    PageResponse<AdminDtos.AccountView> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size,
                                             Authentication auth) {
        return admin.list(auth, Paging.of(page, size, Sort.UNSORTED));
    }

    @Get("/{id}")
    AdminDtos.AccountView get(long id, Authentication auth) {
        return admin.get(auth, id);
    }

    @Post
    HttpResponse<AdminDtos.AccountView> create(@Valid @Body AdminDtos.AccountInput body, Authentication auth) {
        return HttpResponse.created(admin.create(auth, body));
    }

    @Put("/{id}")
    AdminDtos.AccountView update(long id, @Valid @Body AdminDtos.AccountInput body, Authentication auth) {
        return admin.update(auth, id, body);
    }

    /** Deactivates the account; its tokens fail on their next request. */
    @Delete("/{id}")
    AdminDtos.AccountView deactivate(long id, Authentication auth) {
        return admin.setActive(auth, id, false);
    }

    @Post("/{id}/activate")
    AdminDtos.AccountView activate(long id, Authentication auth) {
        return admin.setActive(auth, id, true);
    }

    @Post("/{id}/password")
    AdminDtos.AccountView resetPassword(long id, @Valid @Body AdminDtos.PasswordReset body, Authentication auth) {
        return admin.resetPassword(auth, id, body.password());
    }
}
