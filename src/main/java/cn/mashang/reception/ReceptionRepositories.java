package cn.mashang.reception;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Repositories of the reception feature. */
final class ReceptionRepositories {
    private ReceptionRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Rules extends CrudRepository<ReceptionRule, Long> {
        List<ReceptionRule> findByStationIdAndActiveTrueOrderById(Long stationId);

        List<ReceptionRule> findByActiveTrue();
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Sessions extends CrudRepository<ReceptionSession, Long> {
        @Query("""
                SELECT * FROM reception_session WHERE station_id = :stationId AND starts_at >= :from AND starts_at < :to
                ORDER BY starts_at, id LIMIT 200""")
        List<ReceptionSession> between(long stationId, Instant from, Instant to);

        @Query("""
                SELECT * FROM reception_session WHERE status = 'SCHEDULED' AND starts_at > :from AND starts_at <= :to
                ORDER BY starts_at, id LIMIT 500""")
        List<ReceptionSession> startingBetween(Instant from, Instant to);

        @Query("""
                UPDATE reception_session SET booked = booked + 1, updated_at = :now
                WHERE id = :id AND status = 'SCHEDULED' AND booked < capacity""")
        int takeSeat(long id, Instant now);

        @Query("UPDATE reception_session SET booked = booked - 1, updated_at = :now WHERE id = :id AND booked > 0")
        int releaseSeat(long id, Instant now);

        @Query("""
                UPDATE reception_session SET walk_ins = walk_ins + :delta, updated_at = :now
                WHERE id = :id AND walk_ins + :delta >= 0""")
        int addWalkIns(long id, int delta, Instant now);

        @Query("UPDATE reception_session SET status = 'CANCELLED', updated_at = :now WHERE id = :id")
        int cancel(long id, Instant now);

        @Query("""
                SELECT * FROM reception_session WHERE rule_id = :ruleId AND status = 'SCHEDULED' AND starts_at > :from
                ORDER BY starts_at, id LIMIT 500""")
        List<ReceptionSession> scheduledOfRule(long ruleId, Instant from);

        @Query("""
                UPDATE reception_session SET session_date = :date, starts_at = :startsAt, ends_at = :endsAt,
                updated_at = :now WHERE id = :id AND status = 'SCHEDULED'""")
        int move(long id, LocalDate date, Instant startsAt, Instant endsAt, Instant now);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Bookings extends CrudRepository<Booking, Long> {
        Optional<Booking> findByBookingCode(String bookingCode);

        Optional<Booking> findBySessionIdAndDeviceId(Long sessionId, String deviceId);

        Optional<Booking> findBySessionIdAndMobileHash(Long sessionId, String mobileHash);

        List<Booking> findBySessionIdOrderById(Long sessionId);

        /** Open bookings (BOOKED) of a person for sessions that have not started. */
        @Query("""
                SELECT COUNT(*) FROM reception_booking b JOIN reception_session s ON s.id = b.session_id
                WHERE b.status = 'BOOKED' AND s.status = 'SCHEDULED' AND s.starts_at > :now
                AND (b.device_id = :device OR b.mobile_hash = :mobileHash)""")
        long openOf(String device, String mobileHash, Instant now);

        @Query("""
                UPDATE reception_booking SET status = 'CHECKED_IN', checked_in_at = :now, checked_in_by = :by
                WHERE id = :id AND status = 'BOOKED'""")
        int checkIn(long id, long by, Instant now);

        @Query("UPDATE reception_booking SET status = 'CANCELLED' WHERE id = :id AND status = 'BOOKED'")
        int cancel(long id);

        @Query("UPDATE reception_booking SET notify_sms = :notify WHERE id = :id")
        int setNotify(long id, boolean notify);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Plans extends CrudRepository<ActivityPlan, Long> {
        @Query("""
                SELECT * FROM activity_plan WHERE station_id = :stationId AND status = 'PUBLISHED' AND starts_at >= :from
                ORDER BY starts_at, id LIMIT 100""")
        List<ActivityPlan> publishedFrom(long stationId, Instant from);

        @Query("SELECT * FROM activity_plan WHERE station_id = :stationId ORDER BY starts_at DESC, id DESC LIMIT 200")
        List<ActivityPlan> allOf(long stationId);
    }
}
