package cn.mashang.sla;

/**
 * The clocks of a concern (DESIGN.md §3), each in working days from the SLA rule of its region and category:
 * <ul>
 *   <li>FIRST_RESPONSE: created_at → first_response_at (first acceptance or reply), {@code firstResponseDays};</li>
 *   <li>SIGN: the referral → the department's sign-for (签收), deadline {@code sign_due} (refer sets it,
 *       {@code referral.sign-days} working days, default 1); a segment of {@code Overdue}, no clock here;</li>
 *   <li>DEPARTMENT: the latest REFERRED/EXTENDED event → the department's answer, deadline =
 *       {@code department_deadline} (set when referring, moved by an approved extension);</li>
 *   <li>RESOLUTION: created_at → resolved_at, {@code resolutionDays}. A reopened concern keeps its created_at:
 *       the clock the resident sees is never reset; it runs again while the concern is reopened;</li>
 *   <li>FEEDBACK: resolved_at → the resident's rating, {@code feedbackDays} (then auto-close). The resident's
 *       own time: shown, never escalated.</li>
 * </ul>
 */
public enum SlaSegment {
    FIRST_RESPONSE("首次响应"), SIGN("部门签收"), DEPARTMENT("部门办理"), RESOLUTION("办结"), FEEDBACK("群众评价");

    private final String label;

    SlaSegment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
