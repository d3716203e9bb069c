package cn.mashang.sla;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * What the clocks of a concern need (from the concern row; {@code referredAt} from its latest REFERRED or
 * EXTENDED event, {@code departmentAnsweredAt} from a DEPARTMENT_ANSWERED event after it). The stored deadlines
 * (cn.mashang.concern.Deadlines, V11) are null on rows written before V11: the clocks then compute the same value.
 *
 * @param state the concern's state name (see cn.mashang.concern.ConcernState, whose groups decide open/done)
 */
public record ClockFacts(long concernId, @Nullable String regionPath, String category, String state,
                         Instant createdAt, @Nullable Instant firstResponseAt, @Nullable Instant referredAt,
                         @Nullable Instant departmentDeadline, @Nullable Instant departmentAnsweredAt,
                         @Nullable Instant resolvedAt, @Nullable Instant ratedAt, @Nullable Instant closedAt,
                         @Nullable Instant firstResponseDue, @Nullable Instant resolutionDue,
                         @Nullable Instant feedbackDue, @Nullable Instant signDue, @Nullable Instant signedAt) {

    /** Facts without the sign-for clock (not at a department). */
    public ClockFacts(long concernId, @Nullable String regionPath, String category, String state, Instant createdAt,
                      @Nullable Instant firstResponseAt, @Nullable Instant referredAt, @Nullable Instant departmentDeadline,
                      @Nullable Instant departmentAnsweredAt, @Nullable Instant resolvedAt, @Nullable Instant ratedAt,
                      @Nullable Instant closedAt, @Nullable Instant firstResponseDue, @Nullable Instant resolutionDue,
                      @Nullable Instant feedbackDue) {
        this(concernId, regionPath, category, state, createdAt, firstResponseAt, referredAt, departmentDeadline,
                departmentAnsweredAt, resolvedAt, ratedAt, closedAt, firstResponseDue, resolutionDue, feedbackDue, null, null);
    }

    /** Facts without stored deadlines (computed from the rule). */
    public ClockFacts(long concernId, @Nullable String regionPath, String category, String state, Instant createdAt,
                      @Nullable Instant firstResponseAt, @Nullable Instant referredAt, @Nullable Instant departmentDeadline,
                      @Nullable Instant departmentAnsweredAt, @Nullable Instant resolvedAt, @Nullable Instant ratedAt,
                      @Nullable Instant closedAt) {
        this(concernId, regionPath, category, state, createdAt, firstResponseAt, referredAt, departmentDeadline,
                departmentAnsweredAt, resolvedAt, ratedAt, closedAt, null, null, null);
    }

    ClockFacts withDepartment(@Nullable Instant referred, @Nullable Instant answered) {
        return new ClockFacts(concernId, regionPath, category, state, createdAt, firstResponseAt, referred,
                departmentDeadline, answered, resolvedAt, ratedAt, closedAt, firstResponseDue, resolutionDue, feedbackDue,
                signDue, signedAt);
    }
}
