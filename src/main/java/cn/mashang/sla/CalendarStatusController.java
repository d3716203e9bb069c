package cn.mashang.sla;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** Public: whether this year's holiday arrangement is entered (the dashboard shows the warning). */
@Controller("/api/v1/calendar")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class CalendarStatusController {
    private final CalendarAdmin admin;

    CalendarStatusController(CalendarAdmin admin) {
        this.admin = admin;
    }

    @Get("/status")
    CalendarStatus status() {
        return admin.status();
    }
}
