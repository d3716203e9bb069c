package cn.mashang.dashboard;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * One concern reduced to what the figures need, computed at a moment {@code now}.
 *
 * @param firstResponseDays working days created_at → first_response_at (null without a response or when rejected)
 * @param resolutionDays    working days created_at → resolved_at, for RESOLVED/CLOSED concerns (else null)
 * @param onTime            resolved no later than the resolution deadline (created_at + resolutionDays)
 * @param overdue           still open and past the resolution deadline at {@code now}
 */
record ConcernFact(long id, String trackingNo, String category, String state, @Nullable Long deputyId,
                   Instant createdAt, @Nullable Instant firstResponseAt, @Nullable Instant resolvedAt,
                   @Nullable String rating, int reopenCount, @Nullable String mobileMasked, Instant deadline,
                   boolean rejected, @Nullable Double firstResponseDays, @Nullable Double resolutionDays,
                   boolean onTime, boolean overdue) {

    boolean rated() {
        return rating != null;
    }

    boolean satisfied() {
        return "SATISFIED".equals(rating) || "BASICALLY_SATISFIED".equals(rating);
    }
}
