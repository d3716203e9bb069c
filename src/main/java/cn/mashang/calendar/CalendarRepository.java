package cn.mashang.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface CalendarRepository extends CrudRepository<CalendarDay, Long> {

    List<CalendarDay> findByCalYearOrderByCalDate(int calYear);

    @Query("DELETE FROM calendar_day WHERE cal_year = :calYear")
    void deleteYear(int calYear);

    @Query("SELECT cal_year FROM calendar_year ORDER BY cal_year")
    List<Integer> loadedYears();

    @Query("SELECT COUNT(*) FROM calendar_year WHERE cal_year = :calYear")
    long countYear(int calYear);

    @Query("INSERT INTO calendar_year (cal_year, source, updated_at) VALUES (:calYear, :source, :updatedAt)")
    void insertYear(int calYear, @Nullable String source, Instant updatedAt);

    @Query("UPDATE calendar_year SET source = :source, updated_at = :updatedAt WHERE cal_year = :calYear")
    void updateYear(int calYear, @Nullable String source, Instant updatedAt);

    @Query("SELECT source FROM calendar_year WHERE cal_year = :calYear")
    List<String> sourceOf(int calYear);
}
