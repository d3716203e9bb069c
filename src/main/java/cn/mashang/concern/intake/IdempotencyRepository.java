package cn.mashang.concern.intake;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface IdempotencyRepository extends CrudRepository<IdempotencyRecord, Long> {
    Optional<IdempotencyRecord> findByIdemKey(String idemKey);

    @Query("UPDATE idempotency_record SET response = :response, concern_id = :concernId WHERE id = :id")
    int complete(long id, String response, long concernId);

    @Query("DELETE FROM idempotency_record WHERE created_at < :before")
    int deleteOlderThan(Instant before);
}
