package cn.mashang.reception;

import cn.mashang.region.Region;
import cn.mashang.region.RegionService;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reception figures rolled up station → township → county → city → province: the figures of every station under
 * the region ({@link ReceptionTotals}, one definition), summed per child region by path prefix, plus a row for the
 * stations that sit at the region itself (本级, e.g. an industry station attached to the county). The total is the
 * sum of the rows, so a county is the sum of its stations and a city the sum of its counties.
 */
@Singleton
class ReceptionRollup {
    private final JdbcOperations jdbc;
    private final RegionService regions;
    private final ReceptionTotals totals;

    ReceptionRollup(JdbcOperations jdbc, RegionService regions, ReceptionTotals totals) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.totals = totals;
    }

    private record Child(long id, String name, String level, String path) {
    }

    private static final class Sum {
        int stations;
        ReceptionTotals.Counts counts = ReceptionTotals.Counts.NONE;
    }

    @Transactional(readOnly = true)
    public ReceptionDtos.RegionFigures figures(long regionId, LocalDate from, LocalDate to) {
        Region region = regions.get(regionId);
        Map<Long, ReceptionTotals.Counts> byStation = totals.under(region.path(), from, to);
        List<Child> children = children(regionId);
        Map<Long, Sum> sums = new LinkedHashMap<>();
        children.forEach(c -> sums.put(c.id(), new Sum()));
        Sum own = new Sum();
        jdbc.prepareStatement("""
                SELECT st.id, r.path, st.active FROM station st JOIN region r ON r.id = st.region_id
                WHERE r.path LIKE ?""", ps -> {
                    ps.setString(1, region.path() + "%");
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String path = rs.getString(2);
                            Sum sum = children.stream().filter(c -> path.startsWith(c.path())).findFirst()
                                    .map(c -> sums.get(c.id())).orElse(own);
                            sum.stations += rs.getBoolean(3) ? 1 : 0;
                            sum.counts = sum.counts.plus(byStation.getOrDefault(rs.getLong(1), ReceptionTotals.Counts.NONE));
                        }
                    }
                    return null;
                });
        List<ReceptionDtos.FigureRow> rows = new ArrayList<>();
        Sum total = new Sum();
        for (Child c : children) {
            Sum s = sums.get(c.id());
            rows.add(row(c.id(), c.name(), c.level(), false, s));
            add(total, s);
        }
        if (own.stations > 0 || !own.counts.equals(ReceptionTotals.Counts.NONE)) {
            rows.add(row(regionId, region.name() + "（本级）", region.level().name(), true, own));
            add(total, own);
        }
        return new ReceptionDtos.RegionFigures(regionId, region.name(), region.level().name(), from, to,
                row(regionId, region.name(), region.level().name(), false, total), rows,
                "按接待日期统计（已取消的场次不计）；接待场次为至少一名代表签到的场次，进站履职人次为代表签到人次，"
                        + "接待群众人次为预约签到与现场接待人数之和。");
    }

    private static void add(Sum total, Sum s) {
        total.stations += s.stations;
        total.counts = total.counts.plus(s.counts);
    }

    private static ReceptionDtos.FigureRow row(long id, String name, String level, boolean own, Sum s) {
        ReceptionTotals.Counts c = s.counts;
        return new ReceptionDtos.FigureRow(id, name, level, own, s.stations, c.sessionsHeld(), c.deputyVisits(),
                c.residentsReceived(), c.concernsCollected());
    }

    private List<Child> children(long regionId) {
        return jdbc.prepareStatement("""
                SELECT id, name, level, path FROM region WHERE parent_id = ? AND active = TRUE ORDER BY sort_order, id""",
                ps -> {
                    ps.setLong(1, regionId);
                    List<Child> out = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Child(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                        }
                    }
                    return out;
                });
    }
}
