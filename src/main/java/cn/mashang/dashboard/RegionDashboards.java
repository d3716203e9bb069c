package cn.mashang.dashboard;

import cn.mashang.common.ApiException;
import cn.mashang.calendar.CalendarAdmin;
import cn.mashang.common.Times;
import cn.mashang.referral.DepartmentFigures;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Committee dashboards: the station figures ({@link StationDashboards} has the definitions) rolled up station →
 * township → county → city for a region, from the roll-up tables ({@link Rollup}) — never from the concern
 * table, so a city of 2,000 stations and a million concerns answers from a few thousand summary rows.
 *
 * <p>Differences from the live station dashboard, by construction: the period is whole calendar months (from's
 * month to to's month); medians and P90 are read from 0.1 working-day histograms (the lower edge of the bucket
 * holding the nearest rank); "open overdue" is as of the last roll-up (at most one job interval old).
 *
 * <p>Ranking of stations: by the lower bound of the 95% Wilson interval of the on-time rate (so a station
 * with 2 of 2 on time does not outrank one with 95 of 100), then by received; stations with fewer than
 * {@link StationDashboards#MIN_COUNT} handled concerns are listed after the ranked ones with fewSamples.
 */
@Singleton
public class RegionDashboards {
    private final JdbcOperations jdbc;
    private final CalendarAdmin calendar;
    private final DepartmentFigures departments;

    RegionDashboards(JdbcOperations jdbc, CalendarAdmin calendar, DepartmentFigures departments) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.departments = departments;
    }

    record RegionInfo(long id, String name, String level, String path) {
    }

    List<Long> childIds(long id) {
        return jdbc.prepareStatement("SELECT id FROM region WHERE parent_id = ?", ps -> {
            ps.setLong(1, id);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    RegionInfo region(long id) {
        return jdbc.prepareStatement("SELECT id, name, level, path FROM region WHERE id = ? AND active = TRUE", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new RegionInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)) : null;
            }
        });
    }

    @Transactional(readOnly = true)
    public Dtos.RegionDashboard dashboard(long regionId, Period period, int limit) {
        RegionInfo region = region(regionId);
        if (region == null) {
            throw ApiException.notFound("地区");
        }
        LocalDate fromMonth = period.from().withDayOfMonth(1);
        LocalDate toMonth = period.to().withDayOfMonth(1);

        Tally total = new Tally();
        Map<LocalDate, Tally> perMonth = new TreeMap<>();
        for (LocalDate m = fromMonth; !m.isAfter(toMonth); m = m.plusMonths(1)) {
            perMonth.put(m, new Tally());
        }
        Map<String, Tally> perCategory = new TreeMap<>();
        jdbc.prepareStatement("SELECT stat_month, category, " + Rollup.COLS + " FROM dash_region_month WHERE region_id = ? AND stat_month >= ? AND stat_month <= ?", ps -> {
            ps.setLong(1, regionId);
            ps.setDate(2, Date.valueOf(fromMonth));
            ps.setDate(3, Date.valueOf(toMonth));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Tally t = read(rs, 3);
                    String category = rs.getString(2);
                    if (Rollup.ALL.equals(category)) {
                        total.addSums(t);
                        perMonth.computeIfAbsent(rs.getDate(1).toLocalDate(), k -> new Tally()).addSums(t);
                    } else {
                        perCategory.computeIfAbsent(category, k -> new Tally()).addSums(t);
                    }
                }
            }
            return null;
        });
        Map<Long, Tally> childHist = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>();
        ids.add(regionId);
        ids.addAll(childIds(regionId));
        String marks = String.join(",", ids.stream().map(x -> "?").toList());
        // region_id IN (…) with the month range: primary-key range scans only (an OR on a join scanned the table)
        // the region's own histograms; for child regions only first-response (resolution times spread over many
        // more buckets, and the child table shows the first-response median)
        jdbc.prepareStatement("SELECT region_id, metric, bucket, SUM(n) FROM dash_region_hist WHERE region_id IN (" + marks
                + ") AND stat_month >= ? AND stat_month <= ? AND (region_id = ? OR metric = 'FR') GROUP BY region_id, metric, bucket", ps -> {
            int i = 1;
            for (Long id : ids) {
                ps.setLong(i++, id);
            }
            ps.setDate(i++, Date.valueOf(fromMonth));
            ps.setDate(i++, Date.valueOf(toMonth));
            ps.setLong(i, regionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Tally t = rs.getLong(1) == regionId ? total : childHist.computeIfAbsent(rs.getLong(1), k -> new Tally());
                    ("FR".equals(rs.getString(2)) ? t.frHist : t.resHist).merge(rs.getInt(3), rs.getLong(4), Long::sum);
                }
            }
            return null;
        });

        List<Dtos.ChildRow> children = children(region, fromMonth, toMonth, childHist);
        List<Dtos.StationRank> ranking = ranking(region, fromMonth, toMonth);
        int withData = ranking.size();
        List<Dtos.Point> series = new ArrayList<>();
        perMonth.forEach((m, t) -> series.add(new Dtos.Point(StationDashboards.label(m, "month"), m, t.received, t.responded, t.resolved)));
        List<Dtos.CategoryRow> categories = new ArrayList<>();
        perCategory.forEach((c, t) -> categories.add(new Dtos.CategoryRow(c, t.figures())));
        categories.sort(Comparator.comparing((Dtos.CategoryRow c) -> -c.figures().received()));
        return new Dtos.RegionDashboard(new Dtos.Ref(region.id(), region.name()), region.level(), fromMonth,
                toMonth.plusMonths(1).minusDays(1), calendar.status().warning(), StationDashboards.MIN_COUNT, total.figures(),
                series, children, categories, limit < ranking.size() ? ranking.subList(0, limit) : ranking, withData,
                DepartmentFigures.MIN_COUNT, departments(regionId, fromMonth, toMonth), null,
                "按自然月汇总（每分钟更新）；系列为各月收到的诉求及其中已响应、已办结件数；中位数与P90按0.1个工作日分档。");
    }

    /** The departments of the region and below, ranked over the referrals made in the months. */
    private List<Dtos.DepartmentRank> departments(long regionId, LocalDate fromMonth, LocalDate toMonth) {
        return departments.ranked(regionId, fromMonth.atStartOfDay(Times.ZONE).toInstant(),
                toMonth.plusMonths(1).atStartOfDay(Times.ZONE).toInstant()).stream().map(r -> new Dtos.DepartmentRank(
                r.rank(), r.departmentId(), r.name(), r.referrals(), r.signedOnTime(), r.answered(), r.answeredOnTime(),
                r.returned(), r.extensions(), r.open(), r.openOverdue(), r.answeredOnTimeRate(),
                Dtos.Interval.of(r.answeredOnTime(), r.referrals()), r.medianDaysToAnswer(), r.p90DaysToAnswer(),
                r.smallSample())).toList();
    }

    private List<Dtos.ChildRow> children(RegionInfo region, LocalDate fromMonth, LocalDate toMonth, Map<Long, Tally> hist) {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        jdbc.prepareStatement("""
                SELECT r.id, r.name, r.level, (SELECT COUNT(*) FROM station s JOIN region x ON x.id = s.region_id
                                               WHERE s.active = TRUE AND x.path LIKE CONCAT(r.path, '%')) AS stations
                FROM region r WHERE r.parent_id = ? AND r.active = TRUE ORDER BY r.sort_order, r.id""", ps -> {
            ps.setLong(1, region.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new Object[]{rs.getString(2), rs.getString(3), rs.getLong(4), new Tally()});
                }
            }
            return null;
        });
        jdbc.prepareStatement("SELECT d.region_id, " + Rollup.COLS + " FROM dash_region_month d JOIN region r ON r.id = d.region_id"
                + " WHERE r.parent_id = ? AND d.category = '*' AND d.stat_month >= ? AND d.stat_month <= ?", ps -> {
            ps.setLong(1, region.id());
            ps.setDate(2, Date.valueOf(fromMonth));
            ps.setDate(3, Date.valueOf(toMonth));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = rows.get(rs.getLong(1));
                    if (row != null) {
                        ((Tally) row[3]).addSums(read(rs, 2));
                    }
                }
            }
            return null;
        });
        List<Dtos.ChildRow> out = new ArrayList<>();
        rows.forEach((id, r) -> {
            Tally t = (Tally) r[3];
            if (hist.containsKey(id)) {
                t.addSums(hist.get(id));
            }
            out.add(new Dtos.ChildRow(id, (String) r[0], (String) r[1], (Long) r[2], t.figures()));
        });
        return out;
    }

    /** All stations of the region with data in the months, ranked (see the class comment). */
    List<Dtos.StationRank> ranking(RegionInfo region, LocalDate fromMonth, LocalDate toMonth) {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        String sums = String.join(", ", List.of(Rollup.COLS.split(", ")).stream().map(c -> "SUM(d." + c + ")").toList());
        // grouped by the station id alone (names joined in the same statement made MariaDB group on the strings
        // in a temporary table: 2× slower for a city's 22,000 station-months); names come from a second read
        jdbc.prepareStatement("SELECT d.station_id, " + sums + " FROM dash_station_month d"
                + " JOIN station s ON s.id = d.station_id JOIN region r ON r.id = s.region_id"
                + " WHERE d.category = '*' AND d.stat_month >= ? AND d.stat_month <= ? AND r.path LIKE ? GROUP BY d.station_id", ps -> {
            ps.setDate(1, Date.valueOf(fromMonth));
            ps.setDate(2, Date.valueOf(toMonth));
            ps.setString(3, region.path() + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new Object[]{null, null, read(rs, 2)});
                }
            }
            return null;
        });
        jdbc.prepareStatement("SELECT s.id, s.name, r.name FROM station s JOIN region r ON r.id = s.region_id WHERE r.path LIKE ?", ps -> {
            ps.setString(1, region.path() + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = rows.get(rs.getLong(1));
                    if (row != null) {
                        row[0] = rs.getString(2);
                        row[1] = rs.getString(3);
                    }
                }
            }
            return null;
        });
        record Ranked(long id, String name, String region, Tally t, double[] ci, boolean few) {
        }
        List<Ranked> list = new ArrayList<>();
        rows.forEach((id, r) -> {
            Tally t = (Tally) r[2];
            list.add(new Ranked(id, (String) r[0], (String) r[1], t, Stats.wilson(t.onTime, t.resolved + t.openOverdue),
                    t.base() < StationDashboards.MIN_COUNT));
        });
        list.sort(Comparator.comparing(Ranked::few)
                .thenComparing(x -> x.ci() == null ? 1.0 : -x.ci()[0])
                .thenComparing(x -> -x.t().resolved)
                .thenComparing(x -> -x.t().received)
                .thenComparing(Ranked::id));
        List<Dtos.StationRank> out = new ArrayList<>();
        int rank = 0;
        for (Ranked x : list) {
            rank++;
            out.add(new Dtos.StationRank(rank, x.id(), x.name(), x.region(), x.t().figures(),
                    Dtos.Interval.of(x.t().onTime, x.t().resolved + x.t().openOverdue), x.few()));
        }
        return out;
    }

    static Tally read(ResultSet rs, int first) throws SQLException {
        Tally t = new Tally();
        t.received = rs.getLong(first);
        t.rejected = rs.getLong(first + 1);
        t.responded = rs.getLong(first + 2);
        t.resolved = rs.getLong(first + 3);
        t.rated = rs.getLong(first + 4);
        t.satisfied = rs.getLong(first + 5);
        t.onTime = rs.getLong(first + 6);
        t.openOverdue = rs.getLong(first + 7);
        t.frN = rs.getLong(first + 8);
        t.frSum = rs.getDouble(first + 9);
        t.resN = rs.getLong(first + 10);
        t.resSum = rs.getDouble(first + 11);
        return t;
    }
}
