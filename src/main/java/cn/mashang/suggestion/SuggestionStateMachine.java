package cn.mashang.suggestion;

import cn.mashang.common.ApiException;
import cn.mashang.concern.Rating;
import cn.mashang.suggestion.Suggestion.State;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static cn.mashang.suggestion.Suggestion.State.*;

/**
 * The one place that knows the life of a 代表建议 (separate from the concern's, and small).
 * <pre>
 * state      | register   assign     reply      rate
 * SUBMITTED  | REGISTERED .          .          .
 * REGISTERED | .          ASSIGNED   .          .
 * ASSIGNED   | .          .          REPLIED    .
 * REPLIED    | .          .          .          CLOSED (满意 / 基本满意, or 不满意 in the second round)
 *            |                                  ASSIGNED, round 2 (不满意 in the first round: 二次办理)
 * CLOSED     | .          .          .          .
 * </pre>
 * Who (checked before the state; refused with 403): register and assign — the committee (ADMIN of the region);
 * reply — the committee (recording the unit's reply) or the lead unit's own DEPARTMENT account; rate — the author.
 * Scope comes first (404, {@link Suggestions}); a wrong state answers 409.
 */
final class SuggestionStateMachine {
    /** The handling rounds: one, and one second handling after 不满意. */
    static final int ROUNDS = 2;

    private SuggestionStateMachine() {
    }

    enum Action {
        REGISTER, ASSIGN, REPLY, RATE;

        String path() {
            return name().toLowerCase();
        }

        static Optional<Action> ofPath(String path) {
            return Arrays.stream(values()).filter(a -> a.path().equals(path)).findFirst();
        }
    }

    /** What the caller is to this suggestion. */
    record Facts(State state, int round, boolean committee, boolean leadUnit, boolean author) {
    }

    /** The state the action leads to; 403 when the caller may not, 409 when the state does not allow it. */
    static State target(Facts f, Action a, @Nullable Rating rating) {
        if (!may(f, a)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "无权操作", "此操作不属于您的职责");
        }
        State to = switch (a) {
            case REGISTER -> f.state() == SUBMITTED ? REGISTERED : null;
            case ASSIGN -> f.state() == REGISTERED ? ASSIGNED : null;
            case REPLY -> f.state() == ASSIGNED ? REPLIED : null;
            case RATE -> f.state() != REPLIED ? null
                    : rating == Rating.DISSATISFIED && f.round() < ROUNDS ? ASSIGNED : CLOSED;
        };
        if (to == null) {
            throw ApiException.conflict("建议" + f.state().label() + "，不能" + label(a));
        }
        return to;
    }

    static boolean may(Facts f, Action a) {
        return switch (a) {
            case REGISTER, ASSIGN -> f.committee();
            case REPLY -> f.committee() || f.leadUnit();
            case RATE -> f.author();
        };
    }

    /** The actions the caller may take now (for the pages). */
    static List<String> allowed(Facts f) {
        return Arrays.stream(Action.values()).filter(a -> may(f, a)).filter(a -> switch (a) {
            case REGISTER -> f.state() == SUBMITTED;
            case ASSIGN -> f.state() == REGISTERED;
            case REPLY -> f.state() == ASSIGNED;
            case RATE -> f.state() == REPLIED;
        }).map(Action::path).toList();
    }

    static String label(Action a) {
        return switch (a) {
            case REGISTER -> "登记";
            case ASSIGN -> "交办承办单位";
            case REPLY -> "答复";
            case RATE -> "评价";
        };
    }
}
