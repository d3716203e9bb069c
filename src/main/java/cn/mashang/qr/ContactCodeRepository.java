package cn.mashang.qr;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ContactCodeRepository extends CrudRepository<ContactCode, Long> {
    Optional<ContactCode> findByCode(String code);

    List<ContactCode> findByStationIdAndActiveTrue(Long stationId);

    Optional<ContactCode> findByMembershipIdAndActiveTrue(Long membershipId);

    List<ContactCode> findByStationIdOrderByIdDesc(Long stationId);
}
