package cn.mashang.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;

/** Deputies' seats in stations of the admin's region (进站). */
@Controller("/api/v1/admin/memberships")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminMembershipController {
    private final MembershipAdmin admin;

    AdminMembershipController(MembershipAdmin admin) {
        this.admin = admin;
    }

    @Post
    HttpResponse<AdminDtos.MembershipView> create(@Valid @Body AdminDtos.MembershipInput body, Authentication auth) {
        return HttpResponse.created(admin.create(auth, body));
    }

    @Put("/{id}")
    AdminDtos.MembershipView update(long id, @Valid @Body AdminDtos.MembershipUpdate body, Authentication auth) {
        return admin.update(auth, id, body);
    }

    /** Deactivates (nothing is deleted: history keeps its references). */
    @Delete("/{id}")
    AdminDtos.MembershipView deactivate(long id, Authentication auth) {
        return admin.deactivate(auth, id);
    }
}
