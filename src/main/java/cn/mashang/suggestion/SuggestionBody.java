package cn.mashang.suggestion;

import cn.mashang.common.ApiException;
import cn.mashang.concern.Rating;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The request bodies of a suggestion: the draft, and one record per action ({@link #typeOf}). {@link #check()}
 * refuses a missing or malformed field with 400 naming it; what needs the database (the concerns are visible, the
 * departments are of the region) is checked by {@link Suggestions}.
 */
sealed interface SuggestionBody {

    /** 400 naming the first missing or invalid field. */
    void check();

    static Class<? extends Action> typeOf(SuggestionStateMachine.Action action) {
        return switch (action) {
            case REGISTER -> Register.class;
            case ASSIGN -> Assign.class;
            case REPLY -> Reply.class;
            case RATE -> Rate.class;
        };
    }

    /** An action's body: carries the client's last-seen version of the suggestion. */
    sealed interface Action extends SuggestionBody {
        @Nullable Long version();
    }

    /** The stripped text, or 400 naming the field (missing, or longer than {@code max}). */
    static String text(@Nullable String value, String field, int max) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty()) {
            throw ApiException.badField(field, "请填写");
        }
        if (t.length() > max) {
            throw ApiException.badField(field, "不能超过 " + max + " 字");
        }
        return t;
    }

    private static void required(@Nullable Object value, String field, String message) {
        if (value == null) {
            throw ApiException.badField(field, message);
        }
    }

    /** A deputy's draft from one or more concerns (ids), with joint deputies (联名, optional). */
    @Serdeable
    record Draft(@Nullable String title, @Nullable String body,
                 @Schema(example = "市三届人大八次会议") @Nullable String sessionName, @Nullable String category,
                 @Nullable List<Long> concernIds, @Nullable List<Long> jointDeputyIds) implements SuggestionBody {
        @Override
        public void check() {
            text(title, "title", 100);
            text(body, "body", 8000);
            text(sessionName, "sessionName", 64);
            text(category, "category", 32);
            if (concernIds == null || concernIds.isEmpty() || concernIds.size() > 50) {
                throw ApiException.badField("concernIds", "请选择 1 到 50 件群众反映");
            }
            if (jointDeputyIds != null && jointDeputyIds.size() > 30) {
                throw ApiException.badField("jointDeputyIds", "联名代表不能超过 30 位");
            }
        }
    }

    /** The committee registers it under its number (e.g. 第 0012 号). */
    @Serdeable
    record Register(@Nullable Long version, @Nullable String number) implements Action {
        @Override
        public void check() {
            text(number, "number", 32);
        }
    }

    /** The lead unit, the co-units and the reply window in working days (default from configuration). */
    @Serdeable
    record Assign(@Nullable Long version, @Nullable Long leadDepartmentId, @Nullable List<Long> coDepartmentIds,
                  @Nullable Integer replyWorkingDays) implements Action {
        @Override
        public void check() {
            required(leadDepartmentId, "leadDepartmentId", "请选择主办单位");
            if (coDepartmentIds != null && (coDepartmentIds.size() > 10 || coDepartmentIds.contains(leadDepartmentId))) {
                throw ApiException.badField("coDepartmentIds", "协办单位最多 10 个，且不能与主办单位相同");
            }
            if (replyWorkingDays != null && (replyWorkingDays < 1 || replyWorkingDays > 250)) {
                throw ApiException.badField("replyWorkingDays", "答复期限应为 1 到 250 个工作日");
            }
        }
    }

    /** The unit's reply (答复意见), recorded by the committee or given by the lead unit's account. */
    @Serdeable
    record Reply(@Nullable Long version, @Nullable String text) implements Action {
        @Override
        public void check() {
            SuggestionBody.text(text, "text", 4000);
        }
    }

    /** The author's rating of the reply: 不满意 in the first round starts the second handling. */
    @Serdeable
    record Rate(@Nullable Long version, @Schema(nullable = false, description = "满意 / 基本满意 / 不满意") @Nullable Rating rating, @Nullable String comment) implements Action {
        @Override
        public void check() {
            required(rating, "rating", "请选择 SATISFIED（满意）、BASICALLY_SATISFIED（基本满意）或 DISSATISFIED（不满意）");
            if (comment != null && comment.length() > 500) {
                throw ApiException.badField("comment", "不能超过 500 字");
            }
        }
    }
}
