package cn.mashang.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/** Whether the current year (Asia/Shanghai) has a calendar; a warning for the dashboard when it has not. */
@Serdeable
public record CalendarStatus(int year, LocalDate today, boolean hasCalendar, boolean workingDay, @Nullable String warning) {
}
