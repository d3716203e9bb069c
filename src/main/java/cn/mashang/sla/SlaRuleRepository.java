package cn.mashang.sla;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SlaRuleRepository extends CrudRepository<SlaRule, Long> {

    Optional<SlaRule> findByScopeKey(String scopeKey);

    List<SlaRule> findAllOrderById();
}
