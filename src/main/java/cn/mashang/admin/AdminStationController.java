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

/** Stations of the admin's region. */
@Controller("/api/v1/admin/stations")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminStationController {
    private final StationAdmin admin;

    AdminStationController(StationAdmin admin) {
        this.admin = admin;
    }

    @Post
    HttpResponse<AdminDtos.StationView> create(@Valid @Body AdminDtos.StationInput body, Authentication auth) {
        return HttpResponse.created(admin.create(auth, body));
    }

    @Put("/{id}")
    AdminDtos.StationView update(long id, @Valid @Body AdminDtos.StationInput body, Authentication auth) {
        return admin.update(auth, id, body);
    }

    /** Deactivates the station: it leaves public lists and its staff's scope. */
    @Delete("/{id}")
    AdminDtos.StationView deactivate(long id, Authentication auth) {
        return admin.setActive(auth, id, false);
    }

    @Post("/{id}/activate")
    AdminDtos.StationView activate(long id, Authentication auth) {
        return admin.setActive(auth, id, true);
    }
}
