package cn.mashang.referral;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One referral (交办) of a concern to a department (V50). While {@link Status#OPEN} the department holds the case;
 * the concern's own columns (department_deadline, sign_due, signed_at) are the live values, mirrored here for the
 * history and the figures. A re-referral is a new row: the history stays.
 */
@MappedEntity("referral")
public record Referral(
        @Id @GeneratedValue @Nullable Long id,
        Long concernId,
        Long departmentId,
        Long stationId,
        Long regionId,
        @Nullable Long referredBy,
        Instant referredAt,
        boolean shareContact,
        Instant signDue,
        @Nullable Instant signedAt,
        Instant deadline,
        int extensions,
        Status status,
        @Nullable Instant endedAt,
        @Nullable String proposedOutcome,
        @Nullable String returnReason,
        @Nullable String legalBasis) {

    public enum Status {
        /** At the department. */
        OPEN,
        /** The department answered (or the station recorded its answer). */
        ANSWERED,
        /** 退回 to the station with a reason and legal basis. */
        RETURNED,
        /** The station resolved or merged it while it was at the department. */
        WITHDRAWN
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}
