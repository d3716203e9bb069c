package cn.mashang.sla;

import java.time.Instant;

/**
 * Published (synchronously, inside the escalation's transaction) the first time the overdue job records a
 * level of a breach. The dashboard listens to refresh its "open overdue" counts.
 */
public record SlaBreached(long concernId, long stationId, Instant concernCreatedAt, SlaSegment segment,
                          EscalationLevel level, Instant deadline) {
}
