package cn.mashang.reception;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A resident's booking of a session. Mobile only encrypted, masked and hashed (as for concerns). {@code notifySms}:
 * the resident's opt-in to messages about this booking ("预约提醒"; needs the mobile).
 */
@MappedEntity("reception_booking")
public record Booking(
        @Id @GeneratedValue @Nullable Long id,
        Long sessionId,
        String bookingCode,
        @Nullable String contactName,
        @Nullable String mobileEnc,
        @Nullable String mobileMasked,
        @Nullable String mobileHash,
        @Nullable Instant consentAt,
        String deviceId,
        Status status,
        @Nullable Instant checkedInAt,
        @Nullable Long checkedInBy,
        Instant createdAt,
        boolean notifySms) {

    public enum Status {
        BOOKED("已预约"), CHECKED_IN("已签到"), CANCELLED("已取消");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
