package cn.mashang.referral;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.mashang.location.LocationView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A concern as its department sees it: the concern's text and photos, the station and its contact, the referral
 * (deadlines, whether the department holds it), the referral's timeline (no station-internal notes), the actions
 * the department may do now. The resident's name and masked mobile only when the station shared them on this
 * referral ({@code shareContact}); the full number through the audited reveal.
 */
@Serdeable
public record DepartmentCase(long id, String trackingNo, String state, String stateLabel, String category,
                             String content, @Nullable String address,
                             @Schema(nullable = false, description = "群众附上的位置（无则省略）/ the place the resident attached, omitted when none")
                             @Nullable LocationView location, List<Photo> photos, StationContact station,
                             long departmentId, String departmentName, ReferralView referral,
                             @Nullable String contactName, @Nullable String mobileMasked, boolean overdue,
                             List<String> overdueSegments, @Schema(nullable = false, description = "待审批的延期申请（无则省略）/ The pending extension request, omitted when none") @Nullable Extension pendingExtension, List<Event> timeline,
                             List<String> allowedActions, long version, OffsetDateTime createdAt) {

    @Serdeable
    public record Photo(long id, String url, int width, int height) {
    }

    @Serdeable
    public record StationContact(long id, String name, String address, @Nullable String phone) {
    }

    @Serdeable
    public record ReferralView(long id, String status, boolean held, boolean shareContact, OffsetDateTime referredAt,
                               OffsetDateTime signDue, @Nullable OffsetDateTime signedAt, OffsetDateTime deadline,
                               int extensions, @Nullable OffsetDateTime endedAt, @Nullable String returnReason,
                               @Nullable String legalBasis) {
    }

    @Serdeable
    public record Extension(OffsetDateTime until, @Nullable String reason) {
    }

    @Serdeable
    public record Event(long id, String type, String label, String actorType, @Nullable String actorRole,
                        @Nullable String body, OffsetDateTime at) {
    }
}
