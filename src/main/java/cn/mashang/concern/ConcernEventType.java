package cn.mashang.concern;

/** Kinds of timeline rows. Each row is immutable once written. */
public enum ConcernEventType {
    SUBMITTED("提交反映"),
    ACCEPTED("已受理"),
    ASSIGNED("已分派"),
    REPLIED("答复"),
    NOTE("内部备注"),
    REFERRED("交办部门"),
    DEPARTMENT_ANSWERED("部门答复"),
    EXTENSION_REQUESTED("申请延期"),
    EXTENDED("已延期"),
    EXTENSION_REJECTED("延期未获批准"),
    RESOLVED("已办结"),
    REJECTED("不予受理"),
    MERGED("合并办理"),
    RATED("群众评价"),
    REOPENED("重新办理"),
    CLOSED("已结束"),
    RESIDENT_MESSAGE("群众补充"),
    ME_TOO("我也反映"),
    SIGNED("部门签收"),
    RETURNED("部门退回"),
    URGED("催办"),
    ESCALATED("督办"),
    /** The committee is told of a department's missed deadline (automatic, after N working days). */
    REPORTED("通报");

    private final String label;

    ConcernEventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
