package cn.mashang.reception;

/** Recurrence of a reception rule: a day of every month (每月5日) or a day of every week (每周三下午). */
public enum RuleKind {
    MONTHLY_DAY("每月某日"), WEEKLY("每周某天");

    private final String label;

    RuleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
