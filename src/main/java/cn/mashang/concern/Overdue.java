package cn.mashang.concern;

import cn.mashang.sla.SlaSegment;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one definition of "overdue", per segment, against the stored deadlines ({@link Deadlines}). The deputy's
 * queue flag, the head's overdue board, the overdue job and the dashboards all ask here:
 * <ul>
 *   <li>FIRST_RESPONSE: an open concern nobody has accepted or answered yet, past its first-response deadline;</li>
 *   <li>SIGN: a concern at a department that has not signed for it (签收), past the sign-for deadline;</li>
 *   <li>DEPARTMENT: a concern at a department (REFERRED, EXTENDED), past the department deadline;</li>
 *   <li>RESOLUTION: an open concern past its resolution deadline.</li>
 * </ul>
 * A concern is overdue when any segment is. The resident's feedback window is not "overdue" (it ends in auto-close).
 * {@link #SQL} says the same for a WHERE clause (four timestamp parameters, all {@code now}); it also lets through
 * rows written before V11 whose deadlines are not stored yet, which {@link #segments} then decides.
 */
public final class Overdue {
    private Overdue() {
    }

    /** What the decision reads: the state, the first response and the deadlines. */
    public record Due(ConcernState state, @Nullable Instant firstResponseAt, @Nullable Instant firstResponseDue,
                      @Nullable Instant departmentDue, @Nullable Instant resolutionDue,
                      @Nullable Instant signDue, @Nullable Instant signedAt) {
        public Due(ConcernState state, @Nullable Instant firstResponseAt, @Nullable Instant firstResponseDue,
                   @Nullable Instant departmentDue, @Nullable Instant resolutionDue) {
            this(state, firstResponseAt, firstResponseDue, departmentDue, resolutionDue, null, null);
        }
    }

    /** How many {@code now} parameters {@link #SQL} takes. */
    public static final int SQL_PARAMS = 4;

    /** Over the concern table without an alias; {@link #SQL_PARAMS} timestamp parameters, each {@code now}. */
    public static final String SQL = "(state IN " + ConcernState.sql(ConcernState.OPEN) + " AND ("
            + "(first_response_at IS NULL AND (first_response_due IS NULL OR first_response_due < ?))"
            + " OR (state IN " + ConcernState.sql(ConcernState.AT_DEPARTMENT) + " AND department_deadline < ?)"
            + " OR (state IN " + ConcernState.sql(ConcernState.AT_DEPARTMENT) + " AND signed_at IS NULL AND sign_due < ?)"
            + " OR resolution_due IS NULL OR resolution_due < ?))";

    public static boolean firstResponse(Due d, Instant now) {
        return d.state().isOpen() && d.firstResponseAt() == null && past(d.firstResponseDue(), now);
    }

    public static boolean sign(Due d, Instant now) {
        return d.state().atDepartment() && d.signedAt() == null && past(d.signDue(), now);
    }

    public static boolean department(Due d, Instant now) {
        return d.state().atDepartment() && past(d.departmentDue(), now);
    }

    public static boolean resolution(Due d, Instant now) {
        return d.state().isOpen() && past(d.resolutionDue(), now);
    }

    public static boolean any(Due d, Instant now) {
        return !segments(d, now).isEmpty();
    }

    /** The overdue segments of a concern at {@code now}. */
    public static Set<SlaSegment> segments(Due d, Instant now) {
        Set<SlaSegment> out = EnumSet.noneOf(SlaSegment.class);
        if (firstResponse(d, now)) {
            out.add(SlaSegment.FIRST_RESPONSE);
        }
        if (sign(d, now)) {
            out.add(SlaSegment.SIGN);
        }
        if (department(d, now)) {
            out.add(SlaSegment.DEPARTMENT);
        }
        if (resolution(d, now)) {
            out.add(SlaSegment.RESOLUTION);
        }
        return out;
    }

    /** Is the segment overdue (FEEDBACK never is). */
    public static boolean segment(SlaSegment s, Due d, Instant now) {
        return switch (s) {
            case FIRST_RESPONSE -> firstResponse(d, now);
            case SIGN -> sign(d, now);
            case DEPARTMENT -> department(d, now);
            case RESOLUTION -> resolution(d, now);
            case FEEDBACK -> false;
        };
    }

    private static boolean past(@Nullable Instant deadline, Instant now) {
        return deadline != null && now.isAfter(deadline);
    }
}
