package cn.mashang.concern;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.function.Function;
import java.util.function.LongConsumer;

/** The transaction of {@link StaffIntake}: idempotency row first, then the concern and its STAFF-actor event. */
@Singleton
class StaffIntakeWriter {
    private final ConcernRepository concerns;
    private final ConcernTimeline timeline;
    private final IdempotencyRepository idempotency;

    StaffIntakeWriter(ConcernRepository concerns, ConcernTimeline timeline, IdempotencyRepository idempotency) {
        this.concerns = concerns;
        this.timeline = timeline;
        this.idempotency = idempotency;
    }

    @Transactional
    public StaffIntake.Answer create(IdempotencyRecord record, Concern concern, StaffIntake.Actor actor, String body,
                                     String payload, LongConsumer alsoInTransaction,
                                     Function<Concern, StaffIntake.Answer> answer,
                                     Function<StaffIntake.Answer, String> seal) {
        IdempotencyRecord saved = idempotency.save(record);
        Concern c = concerns.save(concern);
        timeline.record(c, new ConcernEvent(null, c.id(), ConcernEventType.SUBMITTED, actor.type(),
                actor.type() == ActorType.STAFF ? actor.accountId() : null,
                actor.role(), null, ConcernState.SUBMITTED, body, payload, true, c.createdAt()));
        if (alsoInTransaction != null) {
            alsoInTransaction.accept(c.id());
        }
        StaffIntake.Answer a = answer.apply(c);
        idempotency.complete(saved.id(), seal.apply(a), c.id());
        return a;
    }
}
