package cn.mashang.concern;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/**
 * Request bodies of the staff actions: each carries only the fields its action needs (anything else in the
 * JSON, such as {@code state} or {@code stationId}, is ignored). {@code version} is the client's last-seen
 * version of the concern.
 */
final class ActionBodies {
    private ActionBodies() {
    }

    /** accept. */
    @Serdeable
    record Accept(@Nullable Long version) {
    }

    /** assign: the deputy (an active member of the station) who handles it from now on. */
    @Serdeable
    record Assign(@Nullable Long version, @Nullable Long deputyId) {
    }

    /** reply, note, department-answer, reject, approve-extension, reject-extension. */
    @Serdeable
    record Text(@Nullable Long version, @Nullable String text) {
    }

    /** refer: a department and an optional deadline day (default: the SLA rule's department days). */
    @Serdeable
    record Refer(@Nullable Long version, @Nullable Long departmentId, @Nullable LocalDate deadline,
                 @Nullable String text) {
    }

    /** request-extension: the new deadline day and the reason. */
    @Serdeable
    record Extension(@Nullable Long version, @Nullable LocalDate until, @Nullable String text) {
    }

    /** resolve: SOLVED, EXPLAINED or NOT_SOLVABLE_BY_POLICY, and what is told to the resident. */
    @Serdeable
    record Resolve(@Nullable Long version, @Schema(type = "string") @Nullable Outcome outcome, @Nullable String text) {
    }

    /** merge: the surviving concern of the same station. */
    @Serdeable
    record Merge(@Nullable Long version, @Nullable Long intoId, @Nullable String text) {
    }

    static Class<?> of(ConcernAction action) {
        return switch (action) {
            case ACCEPT -> Accept.class;
            case ASSIGN -> Assign.class;
            case REFER -> Refer.class;
            case REQUEST_EXTENSION -> Extension.class;
            case RESOLVE -> Resolve.class;
            case MERGE -> Merge.class;
            default -> Text.class;
        };
    }

    static Long version(Object body) {
        return switch (body) {
            case Accept b -> b.version();
            case Assign b -> b.version();
            case Text b -> b.version();
            case Refer b -> b.version();
            case Extension b -> b.version();
            case Resolve b -> b.version();
            case Merge b -> b.version();
            default -> null;
        };
    }
}
