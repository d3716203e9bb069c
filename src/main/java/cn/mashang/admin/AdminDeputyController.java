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

/** Deputies of the admin's region. */
@Controller("/api/v1/admin/deputies")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminDeputyController {
    private final DeputyAdmin admin;

    AdminDeputyController(DeputyAdmin admin) {
        this.admin = admin;
    }

    @Post
    HttpResponse<AdminDtos.DeputyView> create(@Valid @Body AdminDtos.DeputyInput body, Authentication auth) {
        return HttpResponse.created(admin.create(auth, body));
    }

    @Put("/{id}")
    AdminDtos.DeputyView update(long id, @Valid @Body AdminDtos.DeputyInput body, Authentication auth) {
        return admin.update(auth, id, body);
    }

    /** Deactivates (nothing is deleted: history keeps its references). */
    @Delete("/{id}")
    AdminDtos.DeputyView deactivate(long id, Authentication auth) {
        return admin.deactivate(auth, id);
    }
}
