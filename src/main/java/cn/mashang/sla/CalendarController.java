package cn.mashang.sla;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/**
 * Admin API of the working-day calendar (one calendar per deployment = per city).
 * TODO(scope, after the auth merge): the calendar is city-wide, so writes (PUT, import) must also require
 * an ADMIN whose region is the city root — {@code scopes.requireAdministerRegion(auth, cityRootId, "工作日历")}.
 */
@Controller("/api/v1/admin/calendar")
@Secured({"ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class CalendarController {
    private final CalendarAdmin admin;

    CalendarController(CalendarAdmin admin) {
        this.admin = admin;
    }

    @Get("/{year}")
    CalendarYearView get(int year) {
        return admin.get(year);
    }

    @Put("/{year}")
    CalendarYearView replace(int year, @Body @Nullable CalendarYearView.Replace body) {
        return admin.replace(year, body);
    }

    @Post("/{year}/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    CalendarYearView importCsv(int year, @Body byte[] body) {
        return admin.importCsv(year, body);
    }
}
