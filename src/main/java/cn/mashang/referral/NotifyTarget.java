package cn.mashang.referral;

import cn.mashang.notify.Channel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** Where a department's, a station's or a person's notifications go: a configured robot by name (V51). */
@MappedEntity("notify_target")
@Serdeable
public record NotifyTarget(@Id @GeneratedValue @Nullable Long id, Kind ownerKind, Long ownerId, Long regionId,
                           Channel channel, String target, boolean active, Instant createdAt, Instant updatedAt) {

    public enum Kind { DEPARTMENT, STATION, ACCOUNT }

    @JdbcRepository(dialect = Dialect.MYSQL)
    public interface Repository extends CrudRepository<NotifyTarget, Long> {
        List<NotifyTarget> findByOwnerKindAndOwnerIdAndActiveTrue(Kind ownerKind, Long ownerId);

        List<NotifyTarget> findByOwnerKindAndOwnerIdAndChannel(Kind ownerKind, Long ownerId, Channel channel);

        List<NotifyTarget> findByRegionIdInOrderById(List<Long> regionIds);
    }
}
