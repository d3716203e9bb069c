package cn.mashang.sla;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * What the clocks of a concern need (from the concern row; {@code referredAt} from its latest REFERRED or
 * EXTENDED event, {@code departmentAnsweredAt} from a DEPARTMENT_ANSWERED event after it).
 *
 * @param state the concern's state name (see cn.mashang.concern.ConcernState)
 */
public record ClockFacts(long concernId, @Nullable String regionPath, String category, String state,
                         Instant createdAt, @Nullable Instant firstResponseAt, @Nullable Instant referredAt,
                         @Nullable Instant departmentDeadline, @Nullable Instant departmentAnsweredAt,
                         @Nullable Instant resolvedAt, @Nullable Instant ratedAt, @Nullable Instant closedAt) {

    /** States in which the concern is still being handled (the resolution clock runs). */
    public static boolean open(String state) {
        return !("RESOLVED".equals(state) || "CLOSED".equals(state) || "REJECTED".equals(state));
    }

    /** RESOLVED or CLOSED: the resolution clock has stopped (at resolved_at, or closed_at if unset). */
    public static boolean finished(String state) {
        return "RESOLVED".equals(state) || "CLOSED".equals(state);
    }
}
