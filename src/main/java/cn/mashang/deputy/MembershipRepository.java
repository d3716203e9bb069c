package cn.mashang.deputy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface MembershipRepository extends CrudRepository<Membership, Long> {
    List<Membership> findByStationIdAndActiveTrue(Long stationId);

    List<Membership> findByDeputyIdAndActiveTrue(Long deputyId);

    Optional<Membership> findByStationIdAndDeputyId(Long stationId, Long deputyId);
}
