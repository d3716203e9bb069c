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
import io.micronaut.security.authentication.Authentication;
import cn.mashang.auth.Scopes;
import cn.mashang.region.RegionService;

/**
 * Admin API of the working-day calendar (one calendar per deployment = per city). Any admin may read it;
 * only an admin of the city root may change it (the calendar is city-wide).
 */
@Controller("/api/v1/admin/calendar")
@Secured({"ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class CalendarController {
    private final CalendarAdmin admin;
    private final Scopes scopes;
    private final RegionService regions;

    CalendarController(CalendarAdmin admin, Scopes scopes, RegionService regions) {
        this.admin = admin;
        this.scopes = scopes;
        this.regions = regions;
    }

    private void requireCityAdmin(Authentication auth) {
        scopes.requireAdministerRegion(auth, regions.rootId(), "工作日历");
    }

    @Get("/{year}")
    CalendarYearView get(int year) {
        return admin.get(year);
    }

    @Put("/{year}")
    CalendarYearView replace(int year, @Body @Nullable CalendarYearView.Replace body, Authentication auth) {
        requireCityAdmin(auth);
        return admin.replace(year, body);
    }

    @Post("/{year}/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    CalendarYearView importCsv(int year, @Body byte[] body, Authentication auth) {
        requireCityAdmin(auth);
        return admin.importCsv(year, body);
    }
}
