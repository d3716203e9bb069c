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

/** Departments (承办单位) of the admin's region. */
@Controller("/api/v1/admin/departments")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminDepartmentController {
    private final DepartmentAdmin admin;

    AdminDepartmentController(DepartmentAdmin admin) {
        this.admin = admin;
    }

    @Post
    HttpResponse<AdminDtos.DepartmentView> create(@Valid @Body AdminDtos.DepartmentInput body, Authentication auth) {
        return HttpResponse.created(admin.create(auth, body));
    }

    @Put("/{id}")
    AdminDtos.DepartmentView update(long id, @Valid @Body AdminDtos.DepartmentInput body, Authentication auth) {
        return admin.update(auth, id, body);
    }

    /** Deactivates (nothing is deleted: history keeps its references). */
    @Delete("/{id}")
    AdminDtos.DepartmentView deactivate(long id, Authentication auth) {
        return admin.deactivate(auth, id);
    }
}
