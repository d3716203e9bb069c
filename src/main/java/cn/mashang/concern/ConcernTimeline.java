package cn.mashang.concern;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The only writer of {@code concern_event}: inserts the immutable row and publishes {@link ConcernChanged}
 * in the same transaction. Every feature records timeline events through here.
 */
@Singleton
public class ConcernTimeline {
    private final ConcernEventRepository events;
    private final ApplicationEventPublisher<ConcernChanged> publisher;

    ConcernTimeline(ConcernEventRepository events, ApplicationEventPublisher<ConcernChanged> publisher) {
        this.events = events;
        this.publisher = publisher;
    }

    /**
     * Records an event of concern {@code c}. {@code assigneeAfter} is the handling deputy once the event has
     * taken effect (pass {@code c.assigneeDeputyId()} when the event does not change it).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public ConcernEvent record(Concern c, ConcernEvent event, Long assigneeAfter) {
        ConcernEvent saved = events.save(event);
        publisher.publishEvent(new ConcernChanged(saved.id(), c.id(), c.trackingNo(), c.stationId(), c.deputyId(),
                assigneeAfter, saved.type(), saved.fromState(), saved.toState(), saved.actorAccountId(),
                saved.createdAt()));
        return saved;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public ConcernEvent record(Concern c, ConcernEvent event) {
        return record(c, event, c.assigneeDeputyId());
    }
}
