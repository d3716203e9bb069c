package cn.mashang.reception;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A station's recurring reception day; local times "HH:mm" in Asia/Shanghai. When it falls: {@link #pattern()};
 * its words: {@link ReceptionDays#describe}; its dates: {@link Recurrence}.
 */
@MappedEntity("reception_rule")
public record ReceptionRule(
        @Id @GeneratedValue @Nullable Long id,
        Long stationId,
        RuleKind kind,
        @Nullable Integer dayOfMonth,
        @Nullable Integer dayOfWeek,
        @Nullable Integer weekOfMonth,
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

    RulePattern pattern() {
        return new RulePattern(kind, dayOfMonth, dayOfWeek, weekOfMonth);
    }
}
