package cn.mashang.concern.lifecycle;

import cn.mashang.concern.ConcernState;
import cn.mashang.concern.Rating;
import cn.mashang.common.ApiException;
import io.micronaut.http.HttpStatus;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static cn.mashang.concern.lifecycle.ConcernAction.*;
import static cn.mashang.concern.ConcernState.*;

/**
 * The one place that knows the life cycle of a concern (DESIGN.md §3): which action is allowed in which state,
 * who may do it and where it leads. Everything that changes a concern's state asks {@link #target}.
 *
 * <h2>Transitions (state × action → new state; "=" keeps the state; blank = refused with 409)</h2>
 * <pre>
 * state      | accept   assign   reply    note  refer    dept-answer request-ext approve-ext reject-ext resolve  reject   merge    | sign  dept-ans return   urge  escalate | rate*       reopen   auto-close
 * SUBMITTED  | ACCEPTED ACCEPTED ANSWERED =     .        .           .           .           .          .        REJECTED RESOLVED | .     .        .        .     =        | .           .        .
 * ACCEPTED   | .        =        ANSWERED =     REFERRED .           .           .           .          RESOLVED .        RESOLVED | .     .        .        .     =        | .           .        .
 * ANSWERED   | .        =        =        =     REFERRED .           .           .           .          RESOLVED .        RESOLVED | .     .        .        .     =        | .           .        .
 * REFERRED   | .        =        =        =     .        ANSWERED    =  (1)      EXTENDED(2) = (2)      RESOLVED .        RESOLVED | =(4)  ANSWERED ACCEPTED =     =        | .           .        .
 * EXTENDED   | .        =        =        =     .        ANSWERED    =  (1)      =  (2)      = (2)      RESOLVED .        RESOLVED | =(4)  ANSWERED ACCEPTED =     =        | .           .        .
 * RESOLVED   | .        .        .        =     .        .           .           .           .          .        .        .        | .     .        .        .     .        | CLOSED /    .        CLOSED
 *            |                                                                                                                      |                                       | REOPENED(3)
 * CLOSED     | .        .        .        =     .        .           .           .           .          .        .        .        | .     .        .        .     .        | .           .        .
 * REJECTED   | .        .        .        =     .        .           .           .           .          .        .        .        | .     .        .        .     .        | .           .        .
 * REOPENED   | .        .        .        .     .        .           .           .           .          .        .        .        | .     .        .        .     .        | .           ACCEPTED .
 * </pre>
 * (1) only while no extension request is pending; (2) only while one is pending; (3) rate → CLOSED
 * (满意/基本满意, or 不满意 after the last allowed reopening), rate-dissatisfied → REOPENED, immediately followed
 * by the system's reopen → ACCEPTED (counted in reopen_count). A merged concern (outcome DUPLICATE_MERGED) cannot
 * be rated: its resident follows the surviving concern. (4) sign only while not signed yet; the department's
 * dept-answer and request-extension only once signed (409 "请先签收"). return clears the department, its deadlines and
 * the sign-for; a new refer starts a new referral (the history stays: one referral row each and the timeline).
 *
 * <h2>Who (checked before the state; refused with 403)</h2>
 * <pre>
 * action                         | DEPUTY of the station                 | LIAISON | STATION_HEAD | ADMIN | DEPARTMENT | RESIDENT | SYSTEM
 * accept                         | unassigned and addressed to nobody or  | yes     | yes          | no    | no         | no       | no
 *                                | to them, or assigned to them           |         |              |       |            |          |
 * reply, refer, resolve          | only when assigned to them             | yes     | yes          | no    | no         | no       | no
 * note                           | only when assigned to them             | yes     | yes          | yes   | no         | no       | no
 * request-extension              | only when assigned to them             | yes     | yes          | no    | holding(5) | no       | no
 * assign, department-answer,     | no                                     | yes     | yes          | no    | no         | no       | no
 *   reject, merge                |                                        |         |              |       |            |          |
 * approve-/reject-extension      | no                                     | no      | yes (6)      | yes   | no         | no       | no
 * sign, dept-answer, return      | no                                     | no      | no           | no    | holding(5) | no       | no
 * urge, escalate                 | no                                     | no      | yes          | yes   | no         | no       | no
 * rate, rate-dissatisfied        | no                                     | no      | no           | no    | no         | yes      | no
 * reopen, auto-close             | no                                     | no      | no           | no    | no         | no       | yes
 * </pre>
 * (5) only while the concern is at the caller's department (relation MINE; otherwise 403 "此反映已不在本部门办理").
 * (6) separation of duties: not when the head asked for the pending extension or is the handling deputy
 * ({@link Facts#selfApproval}); then the committee (ADMIN of a region above) decides.
 * Scope comes first and is not decided here: a caller who cannot see the concern's station gets 404 (a deputy
 * must be an active member of the station; an admin of a region above it may read, note and supervise; a
 * department sees only the concerns referred to it).
 *
 * <h2>Required fields (checked by {@link ConcernLifecycle})</h2>
 * assign: deputyId (an active member of the station); reply, note, department-answer: text;
 * refer: departmentId (a department of the station's region or a region above it), deadline (optional, default
 * the SLA rule's department days); request-extension: until (after the current deadline), text (reason);
 * approve-/reject-extension: text optional; resolve: outcome (SOLVED, EXPLAINED, NOT_SOLVABLE_BY_POLICY), text;
 * reject: text (the reason, shown to the resident); merge: intoId (an open, unmerged concern of the same
 * station); refer also shareContact (optional: the department may see the resident's mobile, audited);
 * request-extension also: before the current deadline (after it → 409); sign: nothing; dept-answer: text,
 * proposedOutcome (SOLVED, EXPLAINED, NOT_SOLVABLE_BY_POLICY); return: reason, legalBasis; urge: text, deadline
 * (optional new department deadline); escalate: text. Every state-changing action carries the client's last-seen
 * {@code version}.
 */
public final class ConcernStateMachine {
    private ConcernStateMachine() {
    }

    /** Who acts, as far as the life cycle is concerned. */
    public enum Actor {
        DEPUTY, LIAISON, STATION_HEAD, ADMIN, DEPARTMENT, RESIDENT, SYSTEM
    }

    /** How a deputy (or a department) stands to a concern (ignored for other actors). */
    public enum Relation {
        /** Assigned to this deputy; for a department: the concern is at this department now. */
        MINE,
        /** Nobody is assigned and it is addressed to nobody or to this deputy. */
        CLAIMABLE,
        /** Assigned or addressed to another deputy. */
        OTHERS
    }

    /** What the decision depends on besides the action and the actor. */
    /**
     * @param signed       the department has signed for the current referral
     * @param selfApproval the caller asked for the pending extension or is the handling deputy (cannot decide it)
     */
    public record Facts(ConcernState state, Relation relation, boolean extensionPending, boolean merged,
                        boolean signed, boolean selfApproval) {
        public Facts(ConcernState state, Relation relation, boolean extensionPending, boolean merged) {
            this(state, relation, extensionPending, merged, false, false);
        }

        public static Facts of(ConcernState state) {
            return new Facts(state, Relation.OTHERS, false, false);
        }
    }

    /** Marker for "stays in the same state". */
    private static final ConcernState SAME = null;

    private static final Map<ConcernState, Map<ConcernAction, ConcernState>> TABLE = new EnumMap<>(ConcernState.class);

    private static void allow(ConcernState from, ConcernAction action, ConcernState to) {
        TABLE.computeIfAbsent(from, k -> new EnumMap<>(ConcernAction.class)).put(action, to == SAME ? from : to);
    }

    static {
        allow(SUBMITTED, ACCEPT, ACCEPTED);
        allow(SUBMITTED, ASSIGN, ACCEPTED);
        allow(SUBMITTED, REPLY, ANSWERED);
        allow(SUBMITTED, NOTE, SAME);
        allow(SUBMITTED, REJECT, REJECTED);
        allow(SUBMITTED, MERGE, RESOLVED);
        for (ConcernState s : EnumSet.of(SUBMITTED, ACCEPTED, ANSWERED, REFERRED, EXTENDED)) {
            allow(s, ESCALATE, SAME);
        }
        for (ConcernState s : EnumSet.of(ACCEPTED, ANSWERED)) {
            allow(s, ASSIGN, SAME);
            allow(s, REPLY, ANSWERED);
            allow(s, NOTE, SAME);
            allow(s, REFER, REFERRED);
            allow(s, RESOLVE, RESOLVED);
            allow(s, MERGE, RESOLVED);
        }
        for (ConcernState s : EnumSet.of(REFERRED, EXTENDED)) {
            allow(s, ASSIGN, SAME);
            allow(s, REPLY, SAME);
            allow(s, NOTE, SAME);
            allow(s, DEPARTMENT_ANSWER, ANSWERED);
            allow(s, REQUEST_EXTENSION, SAME);
            allow(s, APPROVE_EXTENSION, EXTENDED);
            allow(s, REJECT_EXTENSION, SAME);
            allow(s, RESOLVE, RESOLVED);
            allow(s, MERGE, RESOLVED);
            allow(s, SIGN, SAME);
            allow(s, DEPT_ANSWER, ANSWERED);
            allow(s, RETURN, ACCEPTED);
            allow(s, URGE, SAME);
        }
        allow(RESOLVED, NOTE, SAME);
        allow(RESOLVED, RATE, CLOSED);
        allow(RESOLVED, RATE_DISSATISFIED, REOPENED);
        allow(RESOLVED, AUTO_CLOSE, CLOSED);
        allow(CLOSED, NOTE, SAME);
        allow(REJECTED, NOTE, SAME);
        allow(REOPENED, REOPEN, ACCEPTED);
    }

    private static final Set<ConcernAction> DEPUTY_WHEN_MINE = EnumSet.of(REPLY, NOTE, REFER, REQUEST_EXTENSION, RESOLVE);
    private static final Set<ConcernAction> STATION_STAFF = EnumSet.of(ACCEPT, ASSIGN, REPLY, NOTE, REFER,
            DEPARTMENT_ANSWER, REQUEST_EXTENSION, RESOLVE, REJECT, MERGE);
    private static final Set<ConcernAction> HEAD_ONLY = EnumSet.of(APPROVE_EXTENSION, REJECT_EXTENSION);
    private static final Set<ConcernAction> SUPERVISE = EnumSet.of(URGE, ESCALATE);
    private static final Set<ConcernAction> ADMIN_ACTIONS = EnumSet.of(NOTE, URGE, ESCALATE, APPROVE_EXTENSION,
            REJECT_EXTENSION);
    private static final Set<ConcernAction> DEPARTMENT_WHEN_HOLDING = EnumSet.of(SIGN, DEPT_ANSWER, RETURN,
            REQUEST_EXTENSION);

    /** The states reachable from {@code state} (for documentation and tests). */
    public static Map<ConcernAction, ConcernState> from(ConcernState state) {
        return Map.copyOf(TABLE.getOrDefault(state, Map.of()));
    }

    /** Null when the actor may do the action at all (whatever the state); else the reason. */
    public static String whyNotPermitted(ConcernAction action, Actor actor, Relation relation) {
        boolean ok = switch (actor) {
            case DEPUTY -> action == ACCEPT ? relation != Relation.OTHERS
                    : DEPUTY_WHEN_MINE.contains(action) && relation == Relation.MINE;
            case LIAISON -> STATION_STAFF.contains(action);
            case STATION_HEAD -> STATION_STAFF.contains(action) || HEAD_ONLY.contains(action) || SUPERVISE.contains(action);
            case ADMIN -> ADMIN_ACTIONS.contains(action);
            case DEPARTMENT -> DEPARTMENT_WHEN_HOLDING.contains(action) && relation == Relation.MINE;
            case RESIDENT -> action == RATE || action == RATE_DISSATISFIED;
            case SYSTEM -> action == REOPEN || action == AUTO_CLOSE;
        };
        if (ok) {
            return null;
        }
        if (actor == Actor.DEPUTY && relation == Relation.OTHERS
                && (action == ACCEPT || DEPUTY_WHEN_MINE.contains(action))) {
            return "此反映已由其他代表办理";
        }
        if (actor == Actor.DEPARTMENT && DEPARTMENT_WHEN_HOLDING.contains(action)) {
            return "此反映已不在本部门办理";
        }
        if (HEAD_ONLY.contains(action) || SUPERVISE.contains(action)) {
            return "只有站长或人大常委会可以" + action.label();
        }
        if (actor == Actor.DEPUTY && DEPUTY_WHEN_MINE.contains(action)) {
            return "请先受理此反映";
        }
        return "您的角色不能" + action.label();
    }

    /**
     * The state after {@code action}, or an {@link ApiException}: 403 when the actor may not do it, 409 (with
     * {@code currentState}) when the concern's state does not allow it.
     */
    public static ConcernState target(Facts facts, ConcernAction action, Actor actor) {
        String why = whyNotPermitted(action, actor, facts.relation());
        if (why != null) {
            throw new ApiException(HttpStatus.FORBIDDEN, "无权操作", why,
                    Map.of("currentState", facts.state().name()));
        }
        if (HEAD_ONLY.contains(action) && actor == Actor.STATION_HEAD && facts.selfApproval()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "无权操作",
                    "本人申请或本人办理的反映的延期，须由人大常委会（管理员）审批", Map.of("currentState", facts.state().name()));
        }
        ConcernState to = TABLE.getOrDefault(facts.state(), Map.of()).get(action);
        if (to == null) {
            throw refused(facts.state(), "当前状态“" + facts.state().label() + "”下不能" + action.label());
        }
        if (action == REQUEST_EXTENSION && facts.extensionPending()) {
            throw refused(facts.state(), "已有待审批的延期申请");
        }
        if ((action == APPROVE_EXTENSION || action == REJECT_EXTENSION) && !facts.extensionPending()) {
            throw refused(facts.state(), "没有待审批的延期申请");
        }
        if (action == SIGN && facts.signed()) {
            throw refused(facts.state(), "本部门已签收此反映");
        }
        if ((action == DEPT_ANSWER || action == REQUEST_EXTENSION && actor == Actor.DEPARTMENT) && !facts.signed()) {
            throw refused(facts.state(), "请先签收此反映");
        }
        if ((action == RATE || action == RATE_DISSATISFIED) && facts.merged()) {
            throw refused(facts.state(), "此反映已合并到另一条反映办理，请在那条反映办结后评价");
        }
        return to;
    }

    /** True when {@link #target} would succeed. */
    public static boolean allows(Facts facts, ConcernAction action, Actor actor) {
        try {
            target(facts, action, actor);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    /** Which rating action a resident's rating is: 不满意 reopens while reopenings are left, else it closes. */
    public static ConcernAction ratingAction(Rating rating, int reopenCount, int maxReopens) {
        return rating == Rating.DISSATISFIED && reopenCount < maxReopens ? RATE_DISSATISFIED : RATE;
    }

    static ApiException refused(ConcernState current, String detail) {
        return new ApiException(HttpStatus.CONFLICT, "操作冲突", detail, Map.of("currentState", current.name()));
    }
}
