package cn.mashang.concern;

import cn.mashang.concern.lifecycle.ConcernStateMachine;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * States of a concern (DESIGN.md §3) and the groups every feature reads them by. Intake creates SUBMITTED
 * concerns; every transition after that is decided by {@link ConcernStateMachine} (the one transition table).
 */
public enum ConcernState {
    SUBMITTED("待受理"),
    ACCEPTED("已受理"),
    ANSWERED("已答复"),
    REFERRED("已交办"),
    EXTENDED("已延期"),
    RESOLVED("已办结"),
    CLOSED("已评价"),
    REJECTED("不予受理"),
    REOPENED("已重新办理");

    /** The label of a concern closed without a rating (auto-close): its own label, never 已评价. */
    public static final String CLOSED_UNRATED = "已结束（未评价）";
    /** The key of {@link #CLOSED_UNRATED} where figures count concerns by state (dashboards, labels). */
    public static final String CLOSED_UNRATED_KEY = "CLOSED_UNRATED";

    /** Still being handled: the resolution clock runs (queues, overdue job, "open" everywhere). */
    public static final Set<ConcernState> OPEN = EnumSet.of(SUBMITTED, ACCEPTED, ANSWERED, REFERRED, EXTENDED, REOPENED);
    /** Handled to the end (RESOLVED or CLOSED): the resolution clock has stopped. */
    public static final Set<ConcernState> DONE = EnumSet.of(RESOLVED, CLOSED);
    /** Resolved and waiting for the resident's rating (the feedback window, then auto-close). */
    public static final Set<ConcernState> AWAITING_RATING = EnumSet.of(RESOLVED);
    /** At a department: the department deadline runs. */
    public static final Set<ConcernState> AT_DEPARTMENT = EnumSet.of(REFERRED, EXTENDED);
    /** Nothing more happens to it (closed or rejected). */
    public static final Set<ConcernState> FINAL = EnumSet.of(CLOSED, REJECTED);

    private final String label;

    ConcernState(String label) {
        this.label = label;
    }

    /** The Chinese label shown to residents and staff. */
    public String label() {
        return label;
    }

    /** The label of a concern in this state: closed without the resident's rating is {@link #CLOSED_UNRATED}. */
    public String label(boolean rated) {
        return this == CLOSED && !rated ? CLOSED_UNRATED : label;
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public boolean isDone() {
        return DONE.contains(this);
    }

    public boolean atDepartment() {
        return AT_DEPARTMENT.contains(this);
    }

    /** The group as an SQL list for {@code state IN …}, e.g. {@code ('SUBMITTED','ACCEPTED')}. */
    public static String sql(Set<ConcernState> group) {
        return group.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(",", "(", ")"));
    }

    /** By name; null for an unknown name. */
    public static ConcernState of(String name) {
        try {
            return name == null ? null : valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
