package cn.mashang.concern;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/**
 * A resident's concern (反映) with its routing, contact data (mobile only encrypted, masked and hashed) and
 * every life-cycle column, and its deadlines ({@link Deadlines}). Created by {@code intake.IntakeCore.newConcern} only;
 * updates go through guarded UPDATE statements that bump {@code version}.
 */
@MappedEntity("concern")
public record Concern(
        @Id @GeneratedValue @Nullable Long id,
        String trackingNo,
        String trackingKeyHash,
        Long stationId,
        @Nullable Long deputyId,
        @Nullable Long membershipId,
        Long regionId,
        Channel channel,
        @Nullable Long codeId,
        String category,
        String content,
        @Nullable String address,
        @Nullable String contactName,
        @Nullable String mobileEnc,
        @Nullable String mobileMasked,
        @Nullable String mobileHash,
        @Nullable Instant consentAt,
        @Nullable String residentDeviceId,
        ConcernState state,
        @Nullable Long assigneeDeputyId,
        @Nullable Long departmentId,
        @Nullable Instant departmentDeadline,
        @Nullable Outcome outcome,
        @Nullable Long mergedIntoId,
        @Nullable Rating rating,
        @Nullable String ratingComment,
        @Nullable Instant ratedAt,
        int reopenCount,
        int meTooCount,
        @Nullable Instant firstResponseAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt,
        @Nullable Instant firstResponseDue,
        @Nullable Instant resolutionDue,
        @Nullable Instant feedbackDue,
        @Nullable Instant signDue,
        @Nullable Instant signedAt,
        @Nullable Instant piiPurgedAt,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {

    /**
     * The state's label as shown: a concern closed without the resident's rating (auto-closed after the feedback
     * window) is {@link ConcernState#CLOSED_UNRATED}, not 已评价.
     */
    public String stateLabel() {
        return state.label(rating != null);
    }
}
