package cn.mashang.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/** A special day as the admin API reads and writes it. */
@Serdeable
public record SpecialDay(@Nullable LocalDate date, @Schema(type = "string") @Nullable DayKind kind,
                         @Nullable String name) {
}
