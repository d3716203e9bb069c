package cn.mashang.station;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface StationRepository extends CrudRepository<Station, Long> {

    /** Active stations of a region and every region below it (by materialised path). */
    @Query(value = """
            SELECT s.* FROM station s JOIN region r ON r.id = s.region_id
            WHERE s.active = TRUE AND r.path LIKE :pathPrefix
            ORDER BY s.id""",
            countQuery = """
            SELECT COUNT(*) FROM station s JOIN region r ON r.id = s.region_id
            WHERE s.active = TRUE AND r.path LIKE :pathPrefix""")
    Page<Station> findActiveUnder(String pathPrefix, Pageable pageable);
}
