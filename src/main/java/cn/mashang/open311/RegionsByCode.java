package cn.mashang.open311;

import cn.mashang.region.Region;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

/** Regions by their 行政区划代码, for {@code jurisdiction_id}. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface RegionsByCode extends GenericRepository<Region, Long> {
    Optional<Region> findFirstByDivisionCodeAndActiveTrueOrderById(String divisionCode);
}
