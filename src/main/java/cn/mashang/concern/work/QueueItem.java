package cn.mashang.concern.work;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/**
 * A concern in a staff queue: a summary, who handles it, whether it is overdue, how it ended (the deputy picks the
 * 受政策法规所限 ones for a suggestion): {@code outcome} SOLVED, EXPLAINED, NOT_SOLVABLE_BY_POLICY or DUPLICATE_MERGED once
 * resolved; the mobile number only masked.
 */
@Serdeable
public record QueueItem(long id, String trackingNo, String state, String stateLabel, String channel, String category,
                        String summary, long stationId, String stationName, @Nullable Long deputyId,
                        @Nullable String deputyName, @Nullable Long assigneeDeputyId, @Nullable String assigneeName,
                        @Nullable String contactName, @Nullable String mobileMasked, boolean overdue,
                        @Nullable OffsetDateTime departmentDeadline, int reopenCount, int meTooCount,
                        OffsetDateTime createdAt, OffsetDateTime updatedAt, long version,
                        @Nullable String outcome) {
}
