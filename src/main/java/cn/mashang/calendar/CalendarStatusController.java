package cn.mashang.calendar;

import cn.mashang.openapi.PublicApi;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public: whether this year's holiday arrangement is entered (the dashboard shows the warning). */
@Tag(name = "directory")
@PublicApi
@Controller("/api/v1/calendar")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class CalendarStatusController {
    private final CalendarAdmin admin;

    CalendarStatusController(CalendarAdmin admin) {
        this.admin = admin;
    }

    @Operation(operationId = "getCalendarStatus",
            summary = "工作日历状态 / Whether the working-day calendar covers the coming year")
    @Get("/status")
    CalendarStatus status() {
        return admin.status();
    }
}
