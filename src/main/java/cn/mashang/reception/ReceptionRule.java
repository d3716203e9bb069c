package cn.mashang.reception;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A station's recurring reception day; local times "HH:mm" in Asia/Shanghai. See {@link Recurrence}. */
@MappedEntity("reception_rule")
public record ReceptionRule(
        @Id @GeneratedValue @Nullable Long id,
        Long stationId,
        RuleKind kind,
        @Nullable Integer dayOfMonth,
        @Nullable Integer dayOfWeek,
        String startTime,
        String endTime,
        HolidayPolicy holidayPolicy,
        @Nullable String place,
        int capacity,
        @Nullable String deputyIds,
        @Nullable String title,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {
}
