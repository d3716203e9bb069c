package cn.mashang.concern;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/** A concern in a staff queue: mobile masked; the full number only through the audited contact endpoint. */
@Serdeable
public record StaffConcernView(long id, String trackingNo, String state, String stateLabel, String channel,
                               String category, String content, @Nullable String address, long stationId,
                               @Nullable Long deputyId, @Nullable Long assigneeDeputyId,
                               @Nullable String contactName, @Nullable String mobileMasked, int meTooCount,
                               int reopenCount, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static StaffConcernView of(Concern c) {
        return new StaffConcernView(c.id(), c.trackingNo(), c.state().name(), c.state().label(), c.channel().name(),
                c.category(), c.content(), c.address(), c.stationId(), c.deputyId(), c.assigneeDeputyId(),
                c.contactName(), c.mobileMasked(), c.meTooCount(), c.reopenCount(),
                cn.mashang.common.Times.show(c.createdAt()), cn.mashang.common.Times.show(c.updatedAt()));
    }
}
