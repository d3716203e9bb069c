package cn.mashang.dashboard;

import cn.mashang.common.Times;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The test oracle: the station dashboard's cohort figures as they were computed before the station-day aggregates
 * (every concern of the period read, exact times sorted, nearest rank), never used in production.
 */
final class ExactStationFigures {
    record Result(Dtos.Figures totals, Map<String, Long> byState, Map<Long, Dtos.Figures> deputies,
                  Map<String, Dtos.Figures> categories, List<Dtos.Point> series) {
    }

    private ExactStationFigures() {
    }

    static Result of(ConcernFacts facts, long stationId, Period period, String bucket, Instant now) {
        String path = facts.station(stationId).orElseThrow()[2];
        List<ConcernFact> cohort = facts.load(stationId, path, period.start(), period.end(), now);
        List<ConcernFact> all = new ArrayList<>(facts.load(stationId, path,
                period.start().minus(StationDashboards.LOOKBACK_DAYS, ChronoUnit.DAYS), period.start(), period.start(), now));
        all.addAll(cohort);
        Tally total = new Tally();
        Map<String, Long> byState = new LinkedHashMap<>();
        Map<Long, Tally> perDeputy = new LinkedHashMap<>();
        Map<String, Tally> perCategory = new TreeMap<>();
        for (ConcernFact f : cohort) {
            total.add(f);
            byState.merge(StationDashboards.stateKey(f), 1L, Long::sum);
            perDeputy.computeIfAbsent(f.deputyId() == null ? -1L : f.deputyId(), k -> new Tally()).add(f);
            perCategory.computeIfAbsent(f.category(), k -> new Tally()).add(f);
        }
        Map<Long, Dtos.Figures> deputies = new LinkedHashMap<>();
        perDeputy.forEach((k, t) -> deputies.put(k, t.figures()));
        Map<String, Dtos.Figures> categories = new LinkedHashMap<>();
        perCategory.forEach((k, t) -> categories.put(k, t.figures()));
        return new Result(total.figures(), byState, deputies, categories, series(all, period, bucket));
    }

    private static List<Dtos.Point> series(List<ConcernFact> all, Period period, String bucket) {
        TreeMap<LocalDate, long[]> buckets = new TreeMap<>();
        for (LocalDate d = StationDashboards.start(period.from(), bucket); !d.isAfter(period.to()); d = StationDashboards.next(d, bucket)) {
            buckets.put(d, new long[3]);
        }
        for (ConcernFact f : all) {
            count(buckets, period, f.createdAt(), bucket, 0);
            count(buckets, period, f.firstResponseAt(), bucket, 1);
            count(buckets, period, f.resolvedAt(), bucket, 2);
        }
        List<Dtos.Point> out = new ArrayList<>();
        buckets.forEach((d, c) -> out.add(new Dtos.Point(StationDashboards.label(d, bucket), d, c[0], c[1], c[2])));
        return out;
    }

    private static void count(TreeMap<LocalDate, long[]> buckets, Period period, Instant at, String bucket, int slot) {
        if (at != null && period.contains(at)) {
            long[] c = buckets.get(StationDashboards.start(at.atZone(Times.ZONE).toLocalDate(), bucket));
            if (c != null) {
                c[slot]++;
            }
        }
    }
}
