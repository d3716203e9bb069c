package cn.mashang.concern.lifecycle;

import cn.mashang.concern.ConcernState;
import cn.mashang.concern.Rating;
import cn.mashang.common.ApiException;
import cn.mashang.concern.lifecycle.ConcernStateMachine.Actor;
import cn.mashang.concern.lifecycle.ConcernStateMachine.Facts;
import cn.mashang.concern.lifecycle.ConcernStateMachine.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The transition table, written out independently of the implementation: every state × every action × every
 * actor (deputies in each relation to the concern). Allowed → the new state; refused by role → 403; refused by
 * state → 409 with the current state.
 */
class ConcernStateMachineTest {
    /** Columns in {@link ConcernAction} order; "=" keeps the state, "-" is refused (409). */
    private static final String[] GRID = {
            // state    accept   assign   reply    note refer    dept-ans req-ext appr-ext rej-ext resolve  reject   merge    sign dept-answer return   urge escalate rate   rate-dis reopen   auto-close
            "SUBMITTED  ACCEPTED ACCEPTED ANSWERED =    -        -        -       -        -       -        REJECTED RESOLVED -    -           -        -    =        -      -        -        -",
            "ACCEPTED   -        =        ANSWERED =    REFERRED -        -       -        -       RESOLVED -        RESOLVED -    -           -        -    =        -      -        -        -",
            "ANSWERED   -        =        =        =    REFERRED -        -       -        -       RESOLVED -        RESOLVED -    -           -        -    =        -      -        -        -",
            "REFERRED   -        =        =        =    -        ANSWERED =       EXTENDED =       RESOLVED -        RESOLVED =    ANSWERED    ACCEPTED =    =        -      -        -        -",
            "EXTENDED   -        =        =        =    -        ANSWERED =       =        =       RESOLVED -        RESOLVED =    ANSWERED    ACCEPTED =    =        -      -        -        -",
            "RESOLVED   -        -        -        =    -        -        -       -        -       -        -        -        -    -           -        -    -        CLOSED REOPENED -        CLOSED",
            "CLOSED     -        -        -        =    -        -        -       -        -       -        -        -        -    -           -        -    -        -      -        -        -",
            "REJECTED   -        -        -        =    -        -        -       -        -       -        -        -        -    -           -        -    -        -      -        -        -",
            "REOPENED   -        -        -        -    -        -        -       -        -       -        -        -        -    -           -        -    -        -      -        ACCEPTED -",
    };

    /** Who may do each action (whatever the state): Y/N per actor column. */
    private static final String[] WHO = {
            // action            dep-mine dep-claim dep-other liaison head admin dept-holding dept-other resident system
            "ACCEPT              Y        Y         N         Y       Y    N     N            N          N        N",
            "ASSIGN              N        N         N         Y       Y    N     N            N          N        N",
            "REPLY               Y        N         N         Y       Y    N     N            N          N        N",
            "NOTE                Y        N         N         Y       Y    Y     N            N          N        N",
            "REFER               Y        N         N         Y       Y    N     N            N          N        N",
            "DEPARTMENT_ANSWER   N        N         N         Y       Y    N     N            N          N        N",
            "REQUEST_EXTENSION   Y        N         N         Y       Y    N     Y            N          N        N",
            "APPROVE_EXTENSION   N        N         N         N       Y    Y     N            N          N        N",
            "REJECT_EXTENSION    N        N         N         N       Y    Y     N            N          N        N",
            "RESOLVE             Y        N         N         Y       Y    N     N            N          N        N",
            "REJECT              N        N         N         Y       Y    N     N            N          N        N",
            "MERGE               N        N         N         Y       Y    N     N            N          N        N",
            "SIGN                N        N         N         N       N    N     Y            N          N        N",
            "DEPT_ANSWER         N        N         N         N       N    N     Y            N          N        N",
            "RETURN              N        N         N         N       N    N     Y            N          N        N",
            "URGE                N        N         N         N       Y    Y     N            N          N        N",
            "ESCALATE            N        N         N         N       Y    Y     N            N          N        N",
            "RATE                N        N         N         N       N    N     N            N          Y        N",
            "RATE_DISSATISFIED   N        N         N         N       N    N     N            N          Y        N",
            "REOPEN              N        N         N         N       N    N     N            N          N        Y",
            "AUTO_CLOSE          N        N         N         N       N    N     N            N          N        Y",
    };

    private record Who(Actor actor, Relation relation) {
    }

    private static final List<Who> ACTORS = List.of(new Who(Actor.DEPUTY, Relation.MINE),
            new Who(Actor.DEPUTY, Relation.CLAIMABLE), new Who(Actor.DEPUTY, Relation.OTHERS),
            new Who(Actor.LIAISON, Relation.OTHERS), new Who(Actor.STATION_HEAD, Relation.OTHERS),
            new Who(Actor.ADMIN, Relation.OTHERS), new Who(Actor.DEPARTMENT, Relation.MINE),
            new Who(Actor.DEPARTMENT, Relation.OTHERS), new Who(Actor.RESIDENT, Relation.OTHERS),
            new Who(Actor.SYSTEM, Relation.OTHERS));

    private static Map<ConcernState, Map<ConcernAction, String>> grid() {
        Map<ConcernState, Map<ConcernAction, String>> out = new EnumMap<>(ConcernState.class);
        for (String row : GRID) {
            String[] cells = row.trim().split("\\s+");
            assertEquals(ConcernAction.values().length + 1, cells.length, row);
            Map<ConcernAction, String> m = new EnumMap<>(ConcernAction.class);
            for (int i = 0; i < ConcernAction.values().length; i++) {
                m.put(ConcernAction.values()[i], cells[i + 1]);
            }
            out.put(ConcernState.valueOf(cells[0]), m);
        }
        assertEquals(ConcernState.values().length, out.size());
        return out;
    }

    private static boolean permitted(ConcernAction action, Who who) {
        for (String row : WHO) {
            String[] cells = row.trim().split("\\s+");
            if (cells[0].equals(action.name())) {
                return cells[1 + ACTORS.indexOf(who)].equals("Y");
            }
        }
        throw new AssertionError("no row for " + action);
    }

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> out = new ArrayList<>();
        for (ConcernState s : ConcernState.values()) {
            for (ConcernAction a : ConcernAction.values()) {
                out.add(Arguments.of(s, a));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyStateAndAction")
    void everyActorGetsTheNewStateOr403Or409(ConcernState state, ConcernAction action) {
        String expected = grid().get(state).get(action);
        boolean pending = action == ConcernAction.APPROVE_EXTENSION || action == ConcernAction.REJECT_EXTENSION;
        for (Who who : ACTORS) {
            // signed for (sign itself needs an unsigned referral); nobody decides their own extension here
            Facts facts = new Facts(state, who.relation(), pending, false, action != ConcernAction.SIGN, false);
            String label = state + " × " + action + " by " + who;
            if (!permitted(action, who)) {
                ApiException e = assertThrows(ApiException.class, () -> ConcernStateMachine.target(facts, action, who.actor()), label);
                assertEquals(403, e.status().getCode(), label);
            } else if (expected.equals("-")) {
                ApiException e = assertThrows(ApiException.class, () -> ConcernStateMachine.target(facts, action, who.actor()), label);
                assertEquals(409, e.status().getCode(), label);
                assertEquals(state.name(), e.extra().get("currentState"), label);
            } else {
                ConcernState to = expected.equals("=") ? state : ConcernState.valueOf(expected);
                assertEquals(to, ConcernStateMachine.target(facts, action, who.actor()), label);
            }
        }
    }

    @Test
    void anExtensionCanOnlyBeRequestedWhenNoneIsPendingAndDecidedWhenOneIs() {
        for (ConcernState s : List.of(ConcernState.REFERRED, ConcernState.EXTENDED)) {
            var pending = new Facts(s, Relation.MINE, true, false);
            var none = new Facts(s, Relation.MINE, false, false);
            assertEquals(409, assertThrows(ApiException.class,
                    () -> ConcernStateMachine.target(pending, ConcernAction.REQUEST_EXTENSION, Actor.DEPUTY)).status().getCode());
            assertEquals(409, assertThrows(ApiException.class,
                    () -> ConcernStateMachine.target(none, ConcernAction.APPROVE_EXTENSION, Actor.STATION_HEAD)).status().getCode());
            assertEquals(409, assertThrows(ApiException.class,
                    () -> ConcernStateMachine.target(none, ConcernAction.REJECT_EXTENSION, Actor.STATION_HEAD)).status().getCode());
            assertEquals(ConcernState.EXTENDED, ConcernStateMachine.target(pending, ConcernAction.APPROVE_EXTENSION, Actor.STATION_HEAD));
        }
    }

    @Test
    void aMergedConcernCannotBeRated() {
        var merged = new Facts(ConcernState.RESOLVED, Relation.OTHERS, false, true);
        var e = assertThrows(ApiException.class, () -> ConcernStateMachine.target(merged, ConcernAction.RATE, Actor.RESIDENT));
        assertEquals(409, e.status().getCode());
        assertEquals(ConcernState.CLOSED, ConcernStateMachine.target(merged, ConcernAction.AUTO_CLOSE, Actor.SYSTEM));
    }

    @Test
    void dissatisfiedReopensOnlyWhileReopeningsAreLeft() {
        assertEquals(ConcernAction.RATE_DISSATISFIED, ConcernStateMachine.ratingAction(Rating.DISSATISFIED, 0, 2));
        assertEquals(ConcernAction.RATE_DISSATISFIED, ConcernStateMachine.ratingAction(Rating.DISSATISFIED, 1, 2));
        assertEquals(ConcernAction.RATE, ConcernStateMachine.ratingAction(Rating.DISSATISFIED, 2, 2));
        assertEquals(ConcernAction.RATE, ConcernStateMachine.ratingAction(Rating.SATISFIED, 0, 2));
        assertEquals(ConcernAction.RATE, ConcernStateMachine.ratingAction(Rating.BASICALLY_SATISFIED, 0, 2));
    }

    @Test
    void everyStaffActionHasAUniquePathAndResidentAndSystemActionsHaveNone() {
        var paths = Arrays.stream(ConcernAction.values()).filter(ConcernAction::staff).map(ConcernAction::path).toList();
        assertEquals(17, paths.size());
        assertEquals(paths.size(), paths.stream().distinct().count());
        for (String p : paths) {
            assertEquals(p, ConcernAction.ofPath(p).orElseThrow().path());
        }
        assertEquals(java.util.Optional.empty(), ConcernAction.ofPath("rate"));
    }

    @Test
    void aDepartmentSignsOnceAndAnswersOrAsksForMoreTimeOnlyOnceSigned() {
        var unsigned = new Facts(ConcernState.REFERRED, Relation.MINE, false, false, false, false);
        var signed = new Facts(ConcernState.REFERRED, Relation.MINE, false, false, true, false);
        assertEquals(ConcernState.REFERRED, ConcernStateMachine.target(unsigned, ConcernAction.SIGN, Actor.DEPARTMENT));
        var twice = assertThrows(ApiException.class, () -> ConcernStateMachine.target(signed, ConcernAction.SIGN, Actor.DEPARTMENT));
        assertEquals(409, twice.status().getCode());
        for (ConcernAction a : List.of(ConcernAction.DEPT_ANSWER, ConcernAction.REQUEST_EXTENSION)) {
            var e = assertThrows(ApiException.class, () -> ConcernStateMachine.target(unsigned, a, Actor.DEPARTMENT));
            assertEquals(409, e.status().getCode(), a.name());
            assertEquals("请先签收此反映", e.getMessage(), a.name());
        }
        assertEquals(ConcernState.ACCEPTED, ConcernStateMachine.target(unsigned, ConcernAction.RETURN, Actor.DEPARTMENT));
        assertEquals(ConcernState.REFERRED, ConcernStateMachine.target(unsigned, ConcernAction.REQUEST_EXTENSION, Actor.LIAISON));
    }

    @Test
    void whoAskedForAnExtensionOrHandlesTheConcernCannotDecideItTheCommitteeDoes() {
        var own = new Facts(ConcernState.REFERRED, Relation.OTHERS, true, false, true, true);
        for (ConcernAction a : List.of(ConcernAction.APPROVE_EXTENSION, ConcernAction.REJECT_EXTENSION)) {
            var e = assertThrows(ApiException.class, () -> ConcernStateMachine.target(own, a, Actor.STATION_HEAD));
            assertEquals(403, e.status().getCode(), a.name());
        }
        assertEquals(ConcernState.EXTENDED, ConcernStateMachine.target(own, ConcernAction.APPROVE_EXTENSION, Actor.ADMIN));
        assertEquals(ConcernState.REFERRED, ConcernStateMachine.target(own, ConcernAction.REJECT_EXTENSION, Actor.ADMIN));
    }
}
