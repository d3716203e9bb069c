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

import java.time.Instant;
import java.util.ArrayList;
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
        Map<Long, List<Referral>> byDept = referralsOf(depts.stream().map(Department::id).toList(), from, to).stream()
                .collect(Collectors.groupingBy(Referral::departmentId));
        Instant now = Times.now();
        List<Row> rows = new ArrayList<>();
        for (Department d : depts) {
            rows.add(row(d, byDept.getOrDefault(d.id(), List.of()), now));
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

    private List<Referral> referralsOf(List<Long> ids, @Nullable Instant from, @Nullable Instant to) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = ids.stream().map(i -> "?").collect(Collectors.joining(","));
        return jdbc.prepareStatement("SELECT * FROM referral WHERE department_id IN (" + marks + ")"
                + (from == null ? "" : " AND referred_at >= ?") + (to == null ? "" : " AND referred_at < ?"), ps -> {
            int i = 0;
            for (; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            if (from != null) {
                ps.setTimestamp(++i, java.sql.Timestamp.from(from));
            }
            if (to != null) {
                ps.setTimestamp(++i, java.sql.Timestamp.from(to));
            }
            try (var rs = ps.executeQuery()) {
                return jdbc.entityStream(rs, Referral.class).toList();
            }
        });
    }

    private Row row(Department d, List<Referral> list, Instant now) {
        int open = 0, openOverdue = 0, signedOnTime = 0, answered = 0, onTime = 0, returned = 0, extensions = 0;
        List<Double> days = new ArrayList<>();
        for (Referral r : list) {
            extensions += r.extensions();
            if (r.signedAt() != null && !r.signedAt().isAfter(r.signDue())) {
                signedOnTime++;
            }
            switch (r.status()) {
                case OPEN -> {
                    open++;
                    if (now.isAfter(r.deadline()) || r.signedAt() == null && now.isAfter(r.signDue())) {
                        openOverdue++;
                    }
                }
                case ANSWERED -> {
                    answered++;
                    if (!r.endedAt().isAfter(r.deadline())) {
                        onTime++;
                    }
                    days.add(calendar.workingDaysBetween(r.referredAt(), r.endedAt()));
                }
                case RETURNED -> returned++;
                case WITHDRAWN -> {
                }
            }
        }
        days.sort(Comparator.naturalOrder());
        boolean small = list.size() < MIN_COUNT;
        Double rate = list.isEmpty() ? null : Math.round(1000.0 * onTime / list.size()) / 1000.0;
        return new Row(d.id(), d.name(), d.regionId(), list.size(), open, openOverdue, signedOnTime, answered, onTime,
                returned, extensions, quantile(days, 0.5), quantile(days, 0.9), rate, small, null);
    }

    /** Nearest-rank quantile, rounded to 0.1 working day; null without values. */
    static @Nullable Double quantile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(q * sorted.size());
        return Math.round(sorted.get(Math.max(0, rank - 1)) * 10) / 10.0;
    }
}
