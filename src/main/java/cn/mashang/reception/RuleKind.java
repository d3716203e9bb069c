package cn.mashang.reception;

/**
 * Recurrence of a reception rule: a day of every month (每月5日), a day of every week (每周三下午), or the n-th
 * weekday of every month (每月第一个周三, 每月最后一个周五). {@link RulePattern} holds the fields each kind needs.
 */
public enum RuleKind {
    MONTHLY_DAY("每月某日"), WEEKLY("每周某天"), MONTHLY_WEEKDAY("每月第几个周几");

    private final String label;

    RuleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
