package cn.mashang.standard;

import cn.mashang.common.ApiException;
import io.micronaut.http.HttpStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static cn.mashang.standard.StandardRoad.State.*;

/**
 * The one place that knows the road of a checklist item's evidence (per station and review year).
 * <pre>
 * state     | submit (head)  pass (committee)  return (committee)
 * EMPTY     | PENDING        .                 .
 * PENDING   | PENDING        PASSED            RETURNED
 * RETURNED  | PENDING        .                 .
 * PASSED    | .              .                 .
 * </pre>
 * Who: submit — the station's head; pass and return — an ADMIN whose region contains the station (the committee).
 * A wrong role answers 403, a state that does not allow the step 409 (scope, 404, comes first).
 */
final class StandardRoad {
    private StandardRoad() {
    }

    enum State {
        EMPTY("未填"), PENDING("待审核"), PASSED("通过"), RETURNED("退回");

        private final String label;

        State(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    enum Step {
        SUBMIT, PASS, RETURN
    }

    private static final Map<State, Map<Step, State>> TABLE = Map.of(
            EMPTY, Map.of(Step.SUBMIT, PENDING),
            PENDING, Map.of(Step.SUBMIT, PENDING, Step.PASS, PASSED, Step.RETURN, RETURNED),
            RETURNED, Map.of(Step.SUBMIT, PENDING),
            PASSED, Map.of());

    /** The state the step leads to; 403 when the caller may not take it, 409 when the state does not allow it. */
    static State next(State from, Step step, boolean committee) {
        if (!may(step, committee)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "无权操作", step == Step.SUBMIT
                    ? "达标材料由本站站长填报" : "审核由人大常委会管理员进行");
        }
        State to = TABLE.get(from).get(step);
        if (to == null) {
            throw ApiException.conflict("此项" + from.label() + "，不能" + (step == Step.SUBMIT ? "再填报" : "审核"),
                    Map.of("currentState", from.name()));
        }
        return to;
    }

    /** The steps the caller may take now (for the pages). */
    static List<String> allowed(State from, boolean committee) {
        return Arrays.stream(Step.values()).filter(s -> may(s, committee) && TABLE.get(from).containsKey(s))
                .map(s -> s.name().toLowerCase()).toList();
    }

    private static boolean may(Step step, boolean committee) {
        return step == Step.SUBMIT ? !committee : committee;
    }
}
