package cn.mashang.concern;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One immutable row of a concern's timeline: who, when, from which state to which, what was said. */
@MappedEntity("concern_event")
public record ConcernEvent(
        @Id @GeneratedValue @Nullable Long id,
        Long concernId,
        ConcernEventType type,
        ActorType actorType,
        @Nullable Long actorAccountId,
        @Nullable String actorRole,
        @Nullable ConcernState fromState,
        @Nullable ConcernState toState,
        @Nullable String body,
        @Nullable String payload,
        boolean isPublic,
        Instant createdAt) {

    public static ConcernEvent resident(long concernId, ConcernEventType type, ConcernState from, ConcernState to,
                                        String body, Instant at) {
        return new ConcernEvent(null, concernId, type, ActorType.RESIDENT, null, null, from, to, body, null, true, at);
    }
}
