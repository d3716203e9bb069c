package cn.mashang.deputy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface DeputyRepository extends CrudRepository<Deputy, Long> {
    List<Deputy> findByIdIn(Collection<Long> ids);
}
