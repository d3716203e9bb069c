package cn.mashang.resident;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

/** One reveal of a resident's personal data to a staff account. */
@MappedEntity("pii_access_log")
public record PiiAccessLog(@Id @GeneratedValue @Nullable Long id, Long concernId, Long accountId, String field,
                           Instant createdAt) {

    @JdbcRepository(dialect = Dialect.MYSQL)
    public interface Repository extends CrudRepository<PiiAccessLog, Long> {
        List<PiiAccessLog> findByConcernIdOrderById(Long concernId);
    }
}
