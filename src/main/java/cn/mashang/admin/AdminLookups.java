package cn.mashang.admin;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** Existence checks for the admin API's duplicate rules (409). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface AdminLookups extends GenericRepository<cn.mashang.station.Station, Long> {

    @Query("SELECT COUNT(*) FROM station WHERE region_id = :regionId AND name = :name AND active = TRUE AND id <> :exceptId")
    long stationsNamed(Long regionId, String name, Long exceptId);

    @Query("SELECT COUNT(*) FROM region WHERE parent_id = :parentId AND name = :name AND active = TRUE AND id <> :exceptId")
    long regionsNamed(Long parentId, String name, Long exceptId);

    @Query("SELECT COUNT(*) FROM department WHERE region_id = :regionId AND name = :name AND id <> :exceptId")
    long departmentsNamed(Long regionId, String name, Long exceptId);

    @Query("SELECT COUNT(*) FROM staff_account WHERE login_name = :loginName AND id <> :exceptId")
    long accountsWithLogin(String loginName, Long exceptId);

    @Query("SELECT COUNT(*) FROM staff_account WHERE mobile = :mobile AND id <> :exceptId")
    long accountsWithMobile(String mobile, Long exceptId);
}
