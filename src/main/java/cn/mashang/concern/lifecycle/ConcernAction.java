package cn.mashang.concern.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/**
 * What can happen to a concern. Staff actions have a path name ({@code POST /api/v1/concerns/{id}/actions/{path}});
 * resident and system actions have none and are only reachable through the tracking page and jobs.
 */
public enum ConcernAction {
    ACCEPT("accept", "受理"),
    ASSIGN("assign", "分派代表"),
    REPLY("reply", "答复群众"),
    NOTE("note", "内部备注"),
    REFER("refer", "交办部门"),
    DEPARTMENT_ANSWER("department-answer", "登记部门答复"),
    REQUEST_EXTENSION("request-extension", "申请延期"),
    APPROVE_EXTENSION("approve-extension", "批准延期"),
    REJECT_EXTENSION("reject-extension", "驳回延期"),
    RESOLVE("resolve", "办结"),
    REJECT("reject", "不予受理"),
    MERGE("merge", "合并重复反映"),
    /** Department: 签收 (its own clock, sign_due). */
    SIGN("sign", "签收"),
    /** Department: its own answer and proposed outcome (the station still resolves). */
    DEPT_ANSWER("dept-answer", "部门答复"),
    /** Department: 退回 with a reason and the legal basis; back to the station's queue. */
    RETURN("return", "退回"),
    /** Station head or committee: 催办 to the department (note, optional new deadline). */
    URGE("urge", "催办"),
    /** Station head or committee: 督办. */
    ESCALATE("escalate", "督办"),
    /** Resident: 满意 / 基本满意, or 不满意 after the last allowed reopening. */
    RATE(null, "评价"),
    /** Resident: 不满意 while reopenings are left. */
    RATE_DISSATISFIED(null, "不满意"),
    /** System: REOPENED → ACCEPTED right after a dissatisfied rating. */
    REOPEN(null, "重新办理"),
    /** System: no rating within the feedback window. */
    AUTO_CLOSE(null, "自动结束");

    private final String path;
    private final String label;

    ConcernAction(String path, String label) {
        this.path = path;
        this.label = label;
    }

    /** The URL segment of a staff action; null for resident and system actions. */
    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public boolean staff() {
        return path != null;
    }

    public static Optional<ConcernAction> ofPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path != null && a.path.equals(path)).findFirst();
    }
}
