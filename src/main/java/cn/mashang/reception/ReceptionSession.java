package cn.mashang.reception;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** One reception session (a rule's occurrence or a one-off). {@code booked} is kept by atomic UPDATEs. */
@MappedEntity("reception_session")
public record ReceptionSession(
        @Id @GeneratedValue @Nullable Long id,
        Long stationId,
        @Nullable Long ruleId,
        LocalDate nominalDate,
        LocalDate sessionDate,
        Instant startsAt,
        Instant endsAt,
        @Nullable String place,
        @Nullable String title,
        int capacity,
        int booked,
        int walkIns,
        Status status,
        Instant createdAt,
        Instant updatedAt) {

    public enum Status {
        SCHEDULED("已排定"), CANCELLED("已取消");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
