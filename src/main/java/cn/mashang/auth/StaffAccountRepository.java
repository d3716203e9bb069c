package cn.mashang.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface StaffAccountRepository extends CrudRepository<StaffAccount, Long> {

    Optional<StaffAccount> findByLoginName(String loginName);

    Optional<StaffAccount> findByMobile(String mobile);

    boolean existsByLoginName(String loginName);

    boolean existsByMobile(String mobile);

    @Query("UPDATE staff_account SET token_version = token_version + 1, updated_at = :now WHERE id = :id")
    void bumpTokenVersion(Long id, Instant now);

    @Query("UPDATE staff_account SET last_login_at = :now WHERE id = :id")
    void markLogin(Long id, Instant now);

    @Query("UPDATE staff_account SET password_hash = :hash, password_changed_at = :now, updated_at = :now,"
            + " token_version = token_version + 1 WHERE id = :id")
    void changePassword(Long id, String hash, Instant now);

    /** A deputy left office: their DEPUTY logins stop, earlier tokens included. */
    @Query("UPDATE staff_account SET active = FALSE, token_version = token_version + 1, updated_at = :now"
            + " WHERE deputy_id = :deputyId AND role = 'DEPUTY'")
    void deactivateDeputyLogins(Long deputyId, Instant now);

    /** Accounts whose scope lies in a region (by materialised path): admins, station staff, deputies. */
    java.util.List<StaffAccount> findByDepartmentIdAndActiveTrue(Long departmentId);

    /** The active logins of a deputy (a DEPUTY account, a head who is also the deputy). */
    java.util.List<StaffAccount> findByDeputyIdAndActiveTrue(Long deputyId);

    @Query(value = """
            SELECT a.* FROM staff_account a
            LEFT JOIN region ar ON ar.id = a.region_id
            LEFT JOIN station s ON s.id = a.station_id
            LEFT JOIN region sr ON sr.id = s.region_id
            LEFT JOIN deputy d ON d.id = a.deputy_id
            LEFT JOIN region dr ON dr.id = d.region_id
            LEFT JOIN department dp ON dp.id = a.department_id
            LEFT JOIN region pr ON pr.id = dp.region_id
            WHERE COALESCE(ar.path, sr.path, dr.path, pr.path) LIKE :pathPrefix
            ORDER BY a.id""",
            countQuery = """
            SELECT COUNT(*) FROM staff_account a
            LEFT JOIN region ar ON ar.id = a.region_id
            LEFT JOIN station s ON s.id = a.station_id
            LEFT JOIN region sr ON sr.id = s.region_id
            LEFT JOIN deputy d ON d.id = a.deputy_id
            LEFT JOIN region dr ON dr.id = d.region_id
            LEFT JOIN department dp ON dp.id = a.department_id
            LEFT JOIN region pr ON pr.id = dp.region_id
            WHERE COALESCE(ar.path, sr.path, dr.path, pr.path) LIKE :pathPrefix""")
    Page<StaffAccount> findUnder(String pathPrefix, Pageable pageable);
}
