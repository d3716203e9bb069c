package cn.mashang.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/** One special day of a year (table calendar_day). */
@MappedEntity("calendar_day")
record CalendarDay(@Id @GeneratedValue @Nullable Long id, LocalDate calDate, int calYear, DayKind kind, String name) {
}
