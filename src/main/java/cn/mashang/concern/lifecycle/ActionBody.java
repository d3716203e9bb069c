package cn.mashang.concern.lifecycle;

import cn.mashang.concern.Outcome;
import cn.mashang.common.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/**
 * The request body of each staff action, one record per action, bound by {@link #typeOf}: each carries only the
 * fields its action needs (anything else in the JSON, such as {@code state} or {@code stationId}, is ignored).
 * {@code version} is the client's last-seen version of the concern (only {@code note} may omit it).
 * {@link #check()} refuses a missing or malformed field with 400 naming it; what needs the database (the deputy is
 * a member, the department is of the region, …) is checked by {@link ActionHandlers}.
 */
public sealed interface ActionBody {
    @Nullable Long version();

    /** 400 without the version (only a note may omit it). */
    default void checkVersion() {
        if (version() == null && !(this instanceof Note)) {
            throw ApiException.badField("version", "请带上页面上反映的版本号（version）");
        }
    }

    /** 400 naming the first missing or invalid field (asked once the state machine allowed the action). */
    default void check() {
    }

    static Class<? extends ActionBody> typeOf(ConcernAction action) {
        return switch (action) {
            case ACCEPT -> Accept.class;
            case ASSIGN -> Assign.class;
            case REPLY -> Reply.class;
            case NOTE -> Note.class;
            case REFER -> Refer.class;
            case DEPARTMENT_ANSWER -> DepartmentAnswer.class;
            case REQUEST_EXTENSION -> RequestExtension.class;
            case APPROVE_EXTENSION -> ApproveExtension.class;
            case REJECT_EXTENSION -> RejectExtension.class;
            case RESOLVE -> Resolve.class;
            case REJECT -> Reject.class;
            case MERGE -> Merge.class;
            case SIGN -> Sign.class;
            case DEPT_ANSWER -> DeptAnswer.class;
            case RETURN -> Return.class;
            case URGE -> Urge.class;
            case ESCALATE -> Escalate.class;
            case RATE, RATE_DISSATISFIED, REOPEN, AUTO_CLOSE -> throw ApiException.notFound("操作");
        };
    }

    private static void required(Object value, String field, String message) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw ApiException.badField(field, message);
        }
    }

    private static void checkText(String text, boolean required) {
        ActionInput.clean(text, required);
    }

    @Serdeable
    record Accept(@Nullable Long version) implements ActionBody {
    }

    /** The deputy (an active member of the station) who handles it from now on. */
    @Serdeable
    record Assign(@Nullable Long version, @Nullable Long deputyId) implements ActionBody {
        @Override
        public void check() {
            required(deputyId, "deputyId", "请选择本站的一位代表");
        }
    }

    /** The public answer to the resident. */
    @Serdeable
    record Reply(@Nullable Long version, @Nullable String text) implements ActionBody {
        @Override
        public void check() {
            checkText(text, true);
        }
    }

    /** An internal note (staff only). */
    @Serdeable
    record Note(@Nullable Long version, @Nullable String text) implements ActionBody {
        @Override
        public void check() {
            checkText(text, true);
        }
    }

    /**
     * A department of the region and an optional deadline day (default: the SLA rule's department days);
     * shareContact: the department may see the resident's mobile on this referral (audited reveal).
     */
    @Serdeable
    record Refer(@Nullable Long version, @Nullable Long departmentId, @Nullable LocalDate deadline,
                 @Nullable String text, @Nullable Boolean shareContact) implements ActionBody {
        @Override
        public void check() {
            required(departmentId, "departmentId", "请选择本地区的一个部门");
            checkText(text, false);
        }
    }

    /** The department's answer, recorded by the station. */
    @Serdeable
    record DepartmentAnswer(@Nullable Long version, @Nullable String text) implements ActionBody {
        @Override
        public void check() {
            checkText(text, true);
        }
    }

    /** The new deadline day and the reason (internal). */
    @Serdeable
    record RequestExtension(@Nullable Long version, @Nullable LocalDate until, @Nullable String text) implements ActionBody {
        @Override
        public void check() {
            required(until, "until", "请选择延期后的办理期限");
            checkText(text, true);
        }
    }

    @Serdeable
    record ApproveExtension(@Nullable Long version, @Nullable String text) implements ActionBody {
        @Override
        public void check() {
            checkText(text, false);
        }
    }

    @Serdeable
    record RejectExtension(@Nullable Long version, @Nullable String text) implements ActionBody {
        @Override
        public void check() {
            checkText(text, false);
        }
    }

    /** SOLVED, EXPLAINED or NOT_SOLVABLE_BY_POLICY, and what is told to the resident. */
    @Serdeable
    record Resolve(@Nullable Long version, @Schema(type = "string") @Nullable Outcome outcome, @Nullable String text)
            implements ActionBody {
        @Override
        public void check() {
            if (outcome == null || outcome == Outcome.DUPLICATE_MERGED) {
                throw ApiException.badField("outcome", "请选择办理结果：已解决、已解释说明或受政策法规所限");
            }
            checkText(text, true);
        }
    }

    /** 不予受理, with the reason shown to the resident. */
    @Serdeable
    record Reject(@Nullable Long version, @Nullable String text) implements ActionBody {
        @Override
        public void check() {
            checkText(text, true);
        }
    }

    /** The surviving concern of the same station. */
    @Serdeable
    record Merge(@Nullable Long version, @Nullable Long intoId, @Nullable String text) implements ActionBody {
        @Override
        public void check() {
            required(intoId, "intoId", "请选择要合并到的另一条反映");
            checkText(text, false);
        }
    }

    /** 签收: the department takes the case. */
    @Serdeable
    record Sign(@Nullable Long version, @Nullable String text) implements ActionBody {
        @Override
        public void check() {
            checkText(text, false);
        }
    }

    /** The department's own answer and the outcome it proposes (the station still resolves). */
    @Serdeable
    record DeptAnswer(@Nullable Long version, @Nullable String text, @Nullable Outcome proposedOutcome) implements ActionBody {
        @Override
        public void check() {
            checkText(text, true);
            if (proposedOutcome == null || proposedOutcome == Outcome.DUPLICATE_MERGED) {
                throw ApiException.badField("proposedOutcome", "请选择建议的办理结果：已解决、已解释说明或受政策法规所限");
            }
        }
    }

    /** 退回: the reason and the legal basis are both required. */
    @Serdeable
    record Return(@Nullable Long version, @Nullable String reason, @Nullable String legalBasis) implements ActionBody {
        @Override
        public void check() {
            ActionInput.clean(reason, true, "reason");
            ActionInput.clean(legalBasis, true, "legalBasis");
        }
    }

    /** 催办: a note to the department and an optional new deadline day. */
    @Serdeable
    record Urge(@Nullable Long version, @Nullable String text, @Nullable LocalDate deadline) implements ActionBody {
        @Override
        public void check() {
            checkText(text, true);
        }
    }

    /** 督办: the supervision note. */
    @Serdeable
    record Escalate(@Nullable Long version, @Nullable String text) implements ActionBody {
        @Override
        public void check() {
            checkText(text, true);
        }
    }
}
