package cn.mashang.calendar;

import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Admin API of the working-day calendar (one calendar per deployment = per city). Any admin may read it;
 * only an admin of the city root may change it (the calendar is city-wide).
 */
@Tag(name = "admin")
@StaffApi
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

    @Operation(operationId = "getCalendarYear", summary = "工作日历 / The working-day calendar of a year")
    @Get("/{year}")
    CalendarYearView get(int year) {
        return admin.get(year);
    }

    @Operation(operationId = "replaceCalendarYear", summary = "修改工作日历 / Replace a year's special days")
    @WithBody
    @Put("/{year}")
    CalendarYearView replace(int year, @Body @Nullable CalendarYearView.Replace body, Authentication auth) {
        requireCityAdmin(auth);
        return admin.replace(year, body);
    }

    @Operation(operationId = "importCalendarYear", summary = "导入工作日历 / Import a year's special days from CSV")
    @WithBody
    @Post("/{year}/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    CalendarYearView importCsv(int year, @Body byte[] body, Authentication auth) {
        requireCityAdmin(auth);
        return admin.importCsv(year, body);
    }
}
