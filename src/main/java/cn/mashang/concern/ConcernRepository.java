package cn.mashang.concern;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ConcernRepository extends CrudRepository<Concern, Long> {
    Optional<Concern> findByTrackingNo(String trackingNo);

    /** The concerns of a resident's devices (one device, or those linked through WeChat), newest first. */
    List<Concern> findByResidentDeviceIdInOrderByIdDesc(java.util.Collection<String> residentDeviceIds, Pageable pageable);

    List<Concern> findByStationIdOrderByIdDesc(Long stationId, Pageable pageable);

    List<Concern> findByDeputyIdOrderByIdDesc(Long deputyId, Pageable pageable);

    /** Recent concerns through the same code from the same device or the same mobile number. */
    @Query("""
            SELECT * FROM concern WHERE code_id = :codeId AND created_at >= :since AND merged_into_id IS NULL
            AND (resident_device_id = :device OR mobile_hash = :mobileHash) ORDER BY id LIMIT 20""")
    List<Concern> recentFromSameSender(Long codeId, Instant since, String device, String mobileHash);

    @Query("""
            UPDATE concern SET me_too_count = me_too_count + 1, updated_at = :now, version = version + 1
            WHERE id = :id""")
    int addMeToo(long id, Instant now);

    @Query("UPDATE concern SET updated_at = :now, version = version + 1 WHERE id = :id")
    int touch(long id, Instant now);

    /**
     * Ids of finished concerns that still hold personal data, finished before the cut-off: closed (rated or
     * auto-closed), rejected (不予受理; its last change is the rejection), or merged into another concern (it stays
     * RESOLVED / DUPLICATE_MERGED and is never rated).
     */
    @Query("""
            SELECT id FROM concern WHERE pii_purged_at IS NULL
            AND (mobile_enc IS NOT NULL OR contact_name IS NOT NULL OR mobile_hash IS NOT NULL)
            AND ((state = 'CLOSED' AND closed_at < :cutoff)
              OR (state = 'REJECTED' AND updated_at < :cutoff)
              OR (state = 'RESOLVED' AND merged_into_id IS NOT NULL AND resolved_at < :cutoff))
            ORDER BY id LIMIT 500""")
    List<Long> finishedWithPersonalData(Instant cutoff);

    @Query("""
            UPDATE concern SET mobile_enc = NULL, mobile_masked = NULL, mobile_hash = NULL, contact_name = NULL,
            pii_purged_at = :now, updated_at = :now, version = version + 1 WHERE id = :id""")
    int anonymise(long id, Instant now);
}
