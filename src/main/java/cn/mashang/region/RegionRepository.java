package cn.mashang.region;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RegionRepository extends CrudRepository<Region, Long> {

    List<Region> findByActiveTrueOrderBySortOrder();

    List<Region> findByPathLikeOrderByPathAsc(String pathPrefix);

    @io.micronaut.data.annotation.Query("UPDATE region SET path = :path WHERE id = :id")
    void updatePath(Long id, String path);

    @io.micronaut.data.annotation.Query("UPDATE region SET path = CONCAT(:prefix, path) WHERE path LIKE :pathPrefix")
    void prefixPaths(String pathPrefix, String prefix);

    @io.micronaut.data.annotation.Query("UPDATE region SET parent_id = :parentId WHERE id = :id")
    void updateParent(Long id, Long parentId);
}
