package cn.mashang.concern.tracking;

import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/** One line of "我的反映". */
@Serdeable
public record MyConcern(String trackingNo, String category, String summary, String state, String stateLabel,
                        String stationName, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
