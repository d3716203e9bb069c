package cn.mashang.visit;

import cn.mashang.concern.intake.StaffIntake;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A deputy's visit to residents (走访, V91) and what it takes and answers. */
final class Visit {
    private Visit() {
    }

    /** A concern a resident raised on the spot: becomes a concern with channel VISIT in the station's queue. */
    @Serdeable
    record Raised(@Nullable String category, @Nullable String content, @Nullable String address,
                  @Nullable String contactName, @Nullable String mobile, @Nullable Boolean consent) {
    }

    /** The visit: at a station the deputy sits in, on a day (not in the future), where, how many residents, topics. */
    @Serdeable
    record Input(@Nullable Long stationId, @Nullable LocalDate visitDate, @Nullable String place,
                 @Nullable Integer residents, @Nullable String topics, @Nullable List<Raised> concerns) {
    }

    /** The visit as recorded; {@code concerns}: the tracking links of the concerns raised (to hand to residents). */
    @Serdeable
    record View(long id, long deputyId, long stationId, LocalDate visitDate, String place, int residents,
                String topics, int concernCount, List<StaffIntake.Answer> concerns, OffsetDateTime createdAt) {
    }
}
