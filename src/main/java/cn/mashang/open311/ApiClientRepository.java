package cn.mashang.open311;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ApiClientRepository extends CrudRepository<ApiClient, Long> {
    Optional<ApiClient> findByKeyHash(String keyHash);

    /** Clients of a region and every region below it (by materialised path), newest first. */
    @Query("""
            SELECT c.* FROM open311_client c JOIN region r ON r.id = c.region_id
            WHERE r.path LIKE :pathPrefix ORDER BY c.id DESC""")
    List<ApiClient> findUnder(String pathPrefix);

    @Query("UPDATE open311_client SET request_count = request_count + 1, last_used_at = :at WHERE id = :id")
    int countRequest(long id, Instant at);

    @Query("UPDATE open311_client SET active = FALSE, revoked_by = :by, revoked_at = :at WHERE id = :id AND active = TRUE")
    int revoke(long id, long by, Instant at);
}
