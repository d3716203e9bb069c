package cn.mashang.open311;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface Open311RequestRepository extends GenericRepository<Open311Request, Long> {
    Open311Request save(Open311Request request);

    Optional<Open311Request> findById(Long concernId);

    Optional<Open311Request> findByToken(String token);
}
