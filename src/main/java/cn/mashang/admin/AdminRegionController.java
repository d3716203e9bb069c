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

/** Regions below the admin's own (ADMIN within region). */
@Controller("/api/v1/admin/regions")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminRegionController {
    private final RegionAdmin admin;

    AdminRegionController(RegionAdmin admin) {
        this.admin = admin;
    }

    @Post
    HttpResponse<AdminDtos.RegionView> create(@Valid @Body AdminDtos.RegionInput body, Authentication auth) {
        return HttpResponse.created(admin.create(auth, body));
    }

    @Put("/{id}")
    AdminDtos.RegionView update(long id, @Valid @Body AdminDtos.RegionInput body, Authentication auth) {
        return admin.update(auth, id, body);
    }

    /** Deactivates (nothing is deleted: history keeps its references). */
    @Delete("/{id}")
    AdminDtos.RegionView deactivate(long id, Authentication auth) {
        return admin.deactivate(auth, id);
    }
}
