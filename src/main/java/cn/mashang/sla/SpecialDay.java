package cn.mashang.sla;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/** A special day as the admin API reads and writes it. */
@Serdeable
public record SpecialDay(@Nullable LocalDate date, @Nullable DayKind kind, @Nullable String name) {
}
