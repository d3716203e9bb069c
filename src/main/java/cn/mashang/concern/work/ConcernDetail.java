package cn.mashang.concern.work;

import cn.mashang.location.LocationView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A concern for the staff who may see it: everything but the full mobile number (masked; the full one only through
 * the audited contact endpoint), the full timeline including internal notes, and the actions the caller may do now.
 */
@Serdeable
public record ConcernDetail(long id, String trackingNo, String state, String stateLabel, String channel,
                            String category, String content, @Nullable String address,
                            @Schema(nullable = false, description = "群众附上的位置（无则省略）/ the place the resident attached, omitted when none")
                            @Nullable LocationView location, @Nullable String contactName,
                            @Nullable String mobileMasked, long stationId, String stationName,
                            @Nullable Long deputyId, @Nullable String deputyName, @Nullable Long assigneeDeputyId,
                            @Nullable String assigneeName, @Nullable Long departmentId, @Nullable String departmentName,
                            @Nullable OffsetDateTime departmentDeadline, @Nullable String outcome,
                            @Nullable String outcomeLabel,
                            @Schema(nullable = false, description = "合并后才有 / only on a merged concern: the survivor")
                            @Nullable Link mergedInto, List<Link> mergedFrom,
                            @Nullable String rating, @Nullable String ratingLabel, @Nullable String ratingComment,
                            int reopenCount, int meTooCount, boolean overdue, OffsetDateTime createdAt,
                            @Nullable OffsetDateTime firstResponseAt, @Nullable OffsetDateTime resolvedAt,
                            @Nullable OffsetDateTime closedAt, OffsetDateTime updatedAt, long version,
                            @Schema(nullable = false, description = "待批延期 / only while an extension awaits the head")
                            @Nullable Extension pendingExtension, List<Photo> photos, List<Event> timeline,
                            List<String> allowedActions, Options options) {

    @Serdeable
    public record Link(long id, String trackingNo, String state, String stateLabel) {
    }

    @Serdeable
    public record Extension(OffsetDateTime until, @Nullable String reason) {
    }

    @Serdeable
    public record Photo(long id, String url, int width, int height) {
    }

    /** One timeline row; {@code internal} rows (notes, extension requests) never reach the resident. */
    @Serdeable
    public record Event(long id, String type, String label, String actorType, @Nullable String actorName,
                        @Nullable String actorRole, @Nullable String actorRoleLabel, @Nullable String fromState,
                        @Nullable String fromStateLabel, @Nullable String toState, @Nullable String toStateLabel,
                        @Nullable String body, boolean internal, OffsetDateTime at) {
    }

    /** Choices for the action forms: deputies to assign to, departments to refer to (empty when not allowed). */
    @Serdeable
    public record Options(List<Option> deputies, List<Option> departments) {
    }

    @Serdeable
    public record Option(long id, String name) {
    }
}
