package cn.mashang.department;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface DepartmentRepository extends CrudRepository<Department, Long> {
    List<Department> findByRegionIdAndActiveTrueOrderByName(Long regionId);
}
