package cn.mashang.concern.photo;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ConcernPhotoRepository extends CrudRepository<ConcernPhoto, Long> {
    List<ConcernPhoto> findByUploadTokenIn(Collection<String> uploadTokens);

    List<ConcernPhoto> findByConcernIdOrderById(Long concernId);

    Optional<ConcernPhoto> findByIdAndConcernId(Long id, Long concernId);

    @Query("UPDATE concern_photo SET concern_id = :concernId WHERE upload_token = :token AND concern_id IS NULL")
    int attach(String token, long concernId);

    /** Another feature (station standards) takes an unattached upload over: the row goes, the stored file stays. */
    @Query("DELETE FROM concern_photo WHERE id = :id AND concern_id IS NULL")
    int takeOver(long id);

    @Query("SELECT * FROM concern_photo WHERE concern_id IS NULL AND created_at < :before ORDER BY id LIMIT 500")
    List<ConcernPhoto> unattachedBefore(Instant before);
}
