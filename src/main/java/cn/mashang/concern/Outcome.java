package cn.mashang.concern;

/** How a resolved concern ended (DESIGN.md §3). */
public enum Outcome {
    SOLVED("已解决"),
    EXPLAINED("已解释说明"),
    NOT_SOLVABLE_BY_POLICY("受政策法规所限，暂不能解决"),
    DUPLICATE_MERGED("已合并办理");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
