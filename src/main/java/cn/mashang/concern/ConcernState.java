package cn.mashang.concern;

/**
 * States of a concern (DESIGN.md §3). The transition table belongs to the life-cycle feature; intake only
 * creates SUBMITTED concerns and applies the resident's rating (RESOLVED → CLOSED, or RESOLVED → REOPENED →
 * ACCEPTED when dissatisfied).
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
