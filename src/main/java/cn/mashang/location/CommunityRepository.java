package cn.mashang.location;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface CommunityRepository extends CrudRepository<Community, Long> {
    List<Community> findByStationIdAndActiveTrueOrderBySortOrder(long stationId);

    Optional<Community> findByStationIdAndName(long stationId, String name);

    @Query("SELECT COALESCE(MAX(sort_order), 0) FROM station_community WHERE station_id = :stationId")
    int maxSortOrder(long stationId);

    @Query("UPDATE station_community SET active = :active WHERE id = :id")
    int setActive(long id, boolean active);
}
