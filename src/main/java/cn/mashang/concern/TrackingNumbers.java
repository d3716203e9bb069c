package cn.mashang.concern;

import cn.mashang.AppConfig;
import cn.mashang.common.Times;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Human tracking numbers {@code LL-20261122-000123}: a per-day counter row (day in Asia/Shanghai), incremented
 * with an atomic UPDATE and read back inside a short transaction of its own, so replicas never hand out the
 * same number and the hot row is locked only for a moment. A number lost to a rolled-back submission is a gap.
 */
@Singleton
public class TrackingNumbers {
    private final JdbcOperations jdbc;
    private final String prefix;

    TrackingNumbers(JdbcOperations jdbc, AppConfig config) {
        this.jdbc = jdbc;
        this.prefix = config.trackingPrefix();
    }

    @Transactional
    public String next(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, Times.ZONE);
        int updated = jdbc.prepareStatement("UPDATE tracking_sequence SET seq_value = seq_value + 1 WHERE seq_day = ?",
                ps -> {
                    ps.setObject(1, day);
                    return ps.executeUpdate();
                });
        if (updated == 0) {
            jdbc.prepareStatement("INSERT INTO tracking_sequence (seq_day, seq_value) VALUES (?, 1) "
                    + "ON DUPLICATE KEY UPDATE seq_value = seq_value + 1", ps -> {
                        ps.setObject(1, day);
                        return ps.executeUpdate();
                    });
        }
        long n = jdbc.prepareStatement("SELECT seq_value FROM tracking_sequence WHERE seq_day = ?", ps -> {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return prefix + "-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%06d", n);
    }
}
