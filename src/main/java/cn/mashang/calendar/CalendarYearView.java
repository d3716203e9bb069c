package cn.mashang.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A year of the calendar: whether it is loaded, where it came from, and its special days in date order. */
@Serdeable
public record CalendarYearView(int year, boolean loaded, @Nullable String source, List<SpecialDay> days) {

    /** Body of PUT /api/v1/admin/calendar/{year}. */
    @Serdeable
    public record Replace(@Nullable String source, @Nullable List<SpecialDay> days) {
    }
}
