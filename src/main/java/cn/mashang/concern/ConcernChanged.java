package cn.mashang.concern;

import java.time.Instant;

/**
 * Published synchronously, inside the transaction, each time a timeline event is recorded. Listeners
 * (notifications, SLA, figures) that write must join that transaction, so their rows commit or roll back
 * with the event (e.g. the notification outbox).
 *
 * @param eventId          the concern_event row
 * @param assigneeDeputyId the deputy handling it after the event (null while unassigned)
 */
public record ConcernChanged(long eventId, long concernId, String trackingNo, long stationId, Long deputyId,
                             Long assigneeDeputyId, ConcernEventType type, ConcernState fromState,
                             ConcernState toState, Long actorAccountId, Instant at) {
}
