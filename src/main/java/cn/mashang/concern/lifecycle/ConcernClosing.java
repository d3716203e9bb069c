package cn.mashang.concern.lifecycle;

import cn.mashang.concern.ActorType;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernEvent;
import cn.mashang.concern.ConcernEventType;
import cn.mashang.concern.ConcernState;
import cn.mashang.concern.ConcernTimeline;
import cn.mashang.concern.Deadlines;
import cn.mashang.concern.Rating;
import cn.mashang.concern.intake.IntakeConfig;
import cn.mashang.common.Times;
import cn.mashang.concern.lifecycle.ConcernStateMachine.Actor;
import cn.mashang.concern.lifecycle.ConcernStateMachine.Facts;
import io.micronaut.core.annotation.Nullable;
import cn.mashang.cluster.RetryOnConflict;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * The end of a concern's road, decided by the same {@link ConcernStateMachine}: the resident's rating (close or
 * reopen) and the system's auto-close after the feedback window. Staff actions are in {@link ConcernLifecycle}.
 */
@Singleton
public class ConcernClosing {
    private final ConcernLifecycle lifecycle;
    private final LifecycleRepository store;
    private final ConcernTimeline timeline;
    private final Deadlines deadlines;
    private final IntakeConfig config;

    ConcernClosing(ConcernLifecycle lifecycle, LifecycleRepository store, ConcernTimeline timeline,
                   Deadlines deadlines, IntakeConfig config) {
        this.lifecycle = lifecycle;
        this.store = store;
        this.timeline = timeline;
        this.deadlines = deadlines;
        this.config = config;
    }

    /**
     * The resident's rating: 满意/基本满意 closes; 不满意 reopens (RESOLVED → REOPENED → ACCEPTED, counted) while
     * fewer than {@code intake.max-reopens} reopenings happened, else closes. A merged concern is not rated.
     */
    @RetryOnConflict
    @Transactional
    public void rate(Concern c, Rating rating, @Nullable String comment) {
        Facts facts = lifecycle.facts(c, (Long) null);
        ConcernAction action = ConcernStateMachine.ratingAction(rating, c.reopenCount(), config.maxReopens());
        ConcernState to = ConcernStateMachine.target(facts, action, Actor.RESIDENT);
        Instant now = Times.now();
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        String body = rating.label() + (text == null ? "" : "：" + text);
        ConcernChange ch = new ConcernChange(c, to);
        ch.rating = rating;
        ch.ratingComment = text;
        ch.ratedAt = now;
        if (action == ConcernAction.RATE) {
            ch.closedAt = now;
            lifecycle.apply(c, ch, now);
            timeline.record(c, ConcernEvent.resident(c.id(), ConcernEventType.RATED, c.state(), to, body, now));
            return;
        }
        ConcernState back = ConcernStateMachine.target(Facts.of(to), ConcernAction.REOPEN, Actor.SYSTEM);
        ch.state = back;
        ch.reopenCount = c.reopenCount() + 1;
        ch.resolvedAt = null;
        ch.outcome = null;
        lifecycle.apply(c, ch, now);
        timeline.record(c, ConcernEvent.resident(c.id(), ConcernEventType.RATED, c.state(), to, body, now));
        timeline.record(c, new ConcernEvent(null, c.id(), ConcernEventType.REOPENED, ActorType.SYSTEM, null, null,
                to, back, "群众不满意，重新办理（第 " + ch.reopenCount + " 次）", null, true, now));
    }

    /** Closes a resolved concern whose feedback window (SLA feedback days, working days) has passed. */
    @Transactional
    public boolean autoCloseIfDue(Concern c, Instant now) {
        if (c.state() != ConcernState.RESOLVED || c.resolvedAt() == null) {
            return false;
        }
        if (!now.isAfter(deadlines.feedback(c, c.resolvedAt()))) {
            return false;
        }
        ConcernState to = ConcernStateMachine.target(lifecycle.facts(c, (Long) null), ConcernAction.AUTO_CLOSE, Actor.SYSTEM);
        ConcernChange ch = new ConcernChange(c, to);
        ch.closedAt = now;
        if (!ch.write(store, deadlines, c, now)) {
            return false;
        }
        timeline.record(c, new ConcernEvent(null, c.id(), ConcernEventType.CLOSED, ActorType.SYSTEM, null, null,
                c.state(), to, "办结后 " + lifecycle.rule(c).feedbackDays() + " 个工作日内未评价，自动结束", null, true, now));
        return true;
    }
}
