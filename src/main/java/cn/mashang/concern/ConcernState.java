package cn.mashang.concern;

/**
 * States of a concern (DESIGN.md §3). Intake creates SUBMITTED concerns; every transition after that is decided
 * by {@link ConcernStateMachine} (the one transition table) and carried out by {@link ConcernLifecycle}.
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

    private final String label;

    ConcernState(String label) {
        this.label = label;
    }

    /** The Chinese label shown to residents and staff. */
    public String label() {
        return label;
    }
}
