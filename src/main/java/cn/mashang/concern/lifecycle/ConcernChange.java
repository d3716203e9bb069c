package cn.mashang.concern.lifecycle;

import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernState;
import cn.mashang.concern.Deadlines;
import cn.mashang.concern.Outcome;
import cn.mashang.concern.Rating;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * The life-cycle columns of a concern, changed by an action (staff, resident or system) before one guarded UPDATE
 * writes them all at the client's last-seen version.
 */
final class ConcernChange {
    ConcernState state;
    Long assignee;
    Long departmentId;
    Instant deadline;
    Outcome outcome;
    Long mergedInto;
    Instant firstResponseAt;
    Instant resolvedAt;
    Instant closedAt;
    int reopenCount;
    Rating rating;
    String ratingComment;
    Instant ratedAt;
    Instant feedbackDue;
    /** The current referral's sign-for deadline and when the department signed (null when not at a department). */
    Instant signDue;
    Instant signedAt;

    ConcernChange(Concern c, ConcernState to) {
        state = to;
        assignee = c.assigneeDeputyId();
        departmentId = c.departmentId();
        deadline = c.departmentDeadline();
        outcome = c.outcome();
        mergedInto = c.mergedIntoId();
        firstResponseAt = c.firstResponseAt();
        resolvedAt = c.resolvedAt();
        closedAt = c.closedAt();
        reopenCount = c.reopenCount();
        rating = c.rating();
        ratingComment = c.ratingComment();
        ratedAt = c.ratedAt();
        feedbackDue = c.feedbackDue();
        signDue = c.signDue();
        signedAt = c.signedAt();
    }

    /**
     * One guarded UPDATE at the concern's version; false when someone else changed it first. The feedback deadline
     * follows resolved_at here ({@link Deadlines#feedback}), so no action can forget it.
     */
    boolean write(LifecycleRepository store, Deadlines deadlines, Concern c, Instant now) {
        long version = c.version() == null ? 0 : c.version();
        feedbackDue = deadlines.feedback(c, resolvedAt);
        return store.apply(c.id(), version, state.name(), assignee, departmentId, deadline, name(outcome), mergedInto,
                firstResponseAt, resolvedAt, closedAt, reopenCount, name(rating), ratingComment, ratedAt, feedbackDue,
                signDue, signedAt, now) == 1;
    }

    private static String name(@Nullable Enum<?> e) {
        return e == null ? null : e.name();
    }
}
