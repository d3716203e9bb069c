package cn.mashang.referral;

import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.region.Region;
import cn.mashang.region.RegionRepository;
import cn.mashang.calendar.WorkingCalendar;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Figures per department of a region and below, over every referral made to it: referrals, signed on time,
 * answered on time, returned, extensions asked, median and P90 working days from referral to answer. The ranking
 * (by answered-on-time rate over all referrals, then more answered, then fewer still open past their deadline) only
 * covers departments with at least {@link #MIN_COUNT} referrals; smaller ones are shown with {@code smallSample} and
 * no rank. A referral not answered yet never counts as answered on time and a tie goes to the department that
 * answered more, so unanswered work never ranks above answered work. The region dashboard shows the same ranking
 * over the referrals of its months ({@link #ranked}).
 */
@Singleton
public class DepartmentFigures {
    public static final int MIN_COUNT = 5;
    private static final int PAGE = 5000;
    private final JdbcOperations jdbc;
    private final Scopes scopes;
    private final RegionRepository regions;
    private final DepartmentRepository departments;
    private final WorkingCalendar calendar;

    DepartmentFigures(JdbcOperations jdbc, Scopes scopes, RegionRepository regions, DepartmentRepository departments,
                      WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.regions = regions;
        this.departments = departments;
        this.calendar = calendar;
    }

    @Serdeable
    public record Row(long departmentId, String name, long regionId, int referrals, int open, int openOverdue, int signedOnTime,
               int answered, int answeredOnTime, int returned, int extensions, @Nullable Double medianDaysToAnswer,
               @Nullable Double p90DaysToAnswer, @Nullable Double answeredOnTimeRate, boolean smallSample,
               @Nullable Integer rank) {
    }

    @Transactional(readOnly = true)
    List<Row> of(Authentication auth, long regionId) {
        scopes.requireAdministerRegion(auth, regionId, "地区");
        return ranked(regionId, null, null);
    }

    /** The ranked figures of the departments of the region and below over the referrals made in [from, to). */
    @Transactional(readOnly = true)
    public List<Row> ranked(long regionId, @Nullable Instant from, @Nullable Instant to) {
        String path = regions.findById(regionId).map(Region::path).orElseThrow(() -> ApiException.notFound("地区"));
        List<Region> under = regions.findAll().stream().filter(r -> r.path().startsWith(path)).toList();
        List<Department> depts = under.stream().flatMap(r -> departments.findByRegionIdAndActiveTrueOrderByName(r.id()).stream()).toList();
        Instant now = Times.now();
        Window w = new Window(depts.stream().map(Department::id).toList(), from, to);
        Map<Long, Counts> counts = counts(w, now);
        Map<Long, TreeMap<Long, Integer>> days = answerDays(w);
        List<Row> rows = new ArrayList<>();
        for (Department d : depts) {
            rows.add(row(d, counts.getOrDefault(d.id(), Counts.NONE), days.getOrDefault(d.id(), new TreeMap<>())));
        }
        List<Row> ranked = rows.stream().filter(r -> !r.smallSample())
                .sorted(Comparator.comparing((Row r) -> -r.answeredOnTimeRate()).thenComparingInt(r -> -r.answered())
                        .thenComparingInt(Row::openOverdue).thenComparing(Row::name)).toList();
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Row r = ranked.get(i);
            out.add(new Row(r.departmentId(), r.name(), r.regionId(), r.referrals(), r.open(), r.openOverdue(), r.signedOnTime(),
                    r.answered(), r.answeredOnTime(), r.returned(), r.extensions(), r.medianDaysToAnswer(),
                    r.p90DaysToAnswer(), r.answeredOnTimeRate(), false, i + 1));
        }
        rows.stream().filter(Row::smallSample).forEach(out::add);
        return out;
    }

    /** The referrals counted: those of the departments, made in [from, to) when given. */
    private record Window(List<Long> departmentIds, @Nullable Instant from, @Nullable Instant to) {
        String where() {
            return "department_id IN (" + departmentIds.stream().map(i -> "?").collect(Collectors.joining(",")) + ")"
                    + (from == null ? "" : " AND referred_at >= ?") + (to == null ? "" : " AND referred_at < ?");
        }

        /** Binds the window from parameter {@code i}; returns the next parameter index. */
        int bind(PreparedStatement ps, int i) throws SQLException {
            for (Long id : departmentIds) {
                ps.setLong(i++, id);
            }
            if (from != null) {
                ps.setTimestamp(i++, Timestamp.from(from));
            }
            if (to != null) {
                ps.setTimestamp(i++, Timestamp.from(to));
            }
            return i;
        }
    }

    private record Counts(int referrals, int open, int openOverdue, int signedOnTime, int answered, int answeredOnTime,
                          int returned, int extensions) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * The counts per department in one aggregate: a city's year holds hundreds of thousands of referrals (read as
     * rows they filled the 192 MB heap of a replica on the 1M-concern bench city).
     */
    private Map<Long, Counts> counts(Window w, Instant now) {
        Map<Long, Counts> out = new HashMap<>();
        if (w.departmentIds().isEmpty()) {
            return out;
        }
        jdbc.prepareStatement("""
                SELECT department_id, COUNT(*),
                       SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN status = 'OPEN' AND (deadline < ? OR signed_at IS NULL AND sign_due < ?) THEN 1 ELSE 0 END),
                       SUM(CASE WHEN signed_at IS NOT NULL AND signed_at <= sign_due THEN 1 ELSE 0 END),
                       SUM(CASE WHEN status = 'ANSWERED' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN status = 'ANSWERED' AND ended_at <= deadline THEN 1 ELSE 0 END),
                       SUM(CASE WHEN status = 'RETURNED' THEN 1 ELSE 0 END),
                       SUM(extensions)
                FROM referral WHERE\s""" + w.where() + " GROUP BY department_id", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            w.bind(ps, 3);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                            rs.getInt(7), rs.getInt(8), rs.getInt(9)));
                }
            }
            return null;
        });
        return out;
    }

    /**
     * Working days from referral to answer per department, as counts per tenth of a day (the figures' resolution:
     * rounding keeps the order, so the nearest-rank quantile of the rounded values is the rounded quantile). The
     * answered referrals are read by id in pages of {@value #PAGE}.
     */
    private Map<Long, TreeMap<Long, Integer>> answerDays(Window w) {
        Map<Long, TreeMap<Long, Integer>> out = new HashMap<>();
        if (w.departmentIds().isEmpty()) {
            return out;
        }
        long after = 0;
        int n;
        do {
            long afterId = after;
            long[] last = {after};
            n = jdbc.prepareStatement("SELECT id, department_id, referred_at, ended_at FROM referral WHERE status = 'ANSWERED' AND "
                    + w.where() + " AND id > ? ORDER BY id LIMIT " + PAGE, ps -> {
                ps.setLong(w.bind(ps, 1), afterId);
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        last[0] = rs.getLong(1);
                        double d = calendar.workingDaysBetween(rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant());
                        out.computeIfAbsent(rs.getLong(2), k -> new TreeMap<>()).merge(Math.round(d * 10), 1, Integer::sum);
                    }
                }
                return rows;
            });
            after = last[0];
        } while (n == PAGE);
        return out;
    }

    private Row row(Department d, Counts c, TreeMap<Long, Integer> days) {
        boolean small = c.referrals() < MIN_COUNT;
        Double rate = c.referrals() == 0 ? null : Math.round(1000.0 * c.answeredOnTime() / c.referrals()) / 1000.0;
        return new Row(d.id(), d.name(), d.regionId(), c.referrals(), c.open(), c.openOverdue(), c.signedOnTime(),
                c.answered(), c.answeredOnTime(), c.returned(), c.extensions(), quantile(days, 0.5), quantile(days, 0.9),
                rate, small, null);
    }

    /** Nearest-rank quantile of counts per tenth of a day, in days; null without values. */
    static @Nullable Double quantile(TreeMap<Long, Integer> tenths, double q) {
        long total = tenths.values().stream().mapToLong(Integer::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (var e : tenths.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey() / 10.0;
            }
        }
        return tenths.lastKey() / 10.0;
    }
}
