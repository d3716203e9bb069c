package cn.mashang.qr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A printed QR code's token. Routes to a station, or to a deputy's seat (membership) in a station. */
@MappedEntity("contact_code")
public record ContactCode(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        Kind kind,
        Long stationId,
        @Nullable Long membershipId,
        @Nullable Long deputyId,
        @Nullable String presetCategory,
        boolean active,
        Instant createdAt,
        @Nullable Instant revokedAt) {

    public enum Kind {
        STATION("s"), DEPUTY("d");

        private final String pathSegment;

        Kind(String pathSegment) {
            this.pathSegment = pathSegment;
        }

        /** The URL segment printed in the code: /s/{code} or /d/{code}. */
        public String pathSegment() {
            return pathSegment;
        }
    }
}
