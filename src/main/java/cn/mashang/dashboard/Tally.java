package cn.mashang.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Counters of a set of concerns (a cohort: received in the period), filled concern by concern
 * ({@link #add}) or from summary rows ({@link #addSums}); turned into {@link Dtos.Figures}.
 */
final class Tally {
    long received;
    long rejected;
    long responded;
    long resolved;
    long rated;
    long satisfied;
    long onTime;
    long openOverdue;
    long frN;
    double frSum;
    long resN;
    double resSum;
    /** Exact times (live figures) … */
    final List<Double> frTimes = new ArrayList<>();
    final List<Double> resTimes = new ArrayList<>();
    /** … or histograms in 0.1-day buckets (roll-ups). */
    final NavigableMap<Integer, Long> frHist = new TreeMap<>();
    final NavigableMap<Integer, Long> resHist = new TreeMap<>();

    /** Adds one concern's facts (see {@link ConcernFact}). */
    void add(ConcernFact f) {
        received++;
        if (f.rejected()) {
            rejected++;
            return;
        }
        if (f.firstResponseDays() != null) {
            responded++;
            frN++;
            frSum += f.firstResponseDays();
            frTimes.add(f.firstResponseDays());
        }
        if (f.resolutionDays() != null) {
            resolved++;
            resN++;
            resSum += f.resolutionDays();
            resTimes.add(f.resolutionDays());
            if (f.onTime()) {
                onTime++;
            }
        } else if (f.overdue()) {
            openOverdue++;
        }
        if (f.rated()) {
            rated++;
            if (f.satisfied()) {
                satisfied++;
            }
        }
    }

    void addSums(Tally o) {
        received += o.received;
        rejected += o.rejected;
        responded += o.responded;
        resolved += o.resolved;
        rated += o.rated;
        satisfied += o.satisfied;
        onTime += o.onTime;
        openOverdue += o.openOverdue;
        frN += o.frN;
        frSum += o.frSum;
        resN += o.resN;
        resSum += o.resSum;
        frTimes.addAll(o.frTimes);
        resTimes.addAll(o.resTimes);
        o.frHist.forEach((k, v) -> frHist.merge(k, v, Long::sum));
        o.resHist.forEach((k, v) -> resHist.merge(k, v, Long::sum));
    }

    static int bucket(double days) {
        return (int) Math.min(999, Math.max(0, Math.floor(days * 10 + 1e-9)));
    }

    long base() {
        return received - rejected;
    }

    Dtos.Figures figures() {
        boolean exact = !frTimes.isEmpty() || !resTimes.isEmpty() || (frHist.isEmpty() && resHist.isEmpty());
        Dtos.TimeStats fr = exact
                ? new Dtos.TimeStats(frN, Stats.r2(Stats.nearestRank(frTimes, 0.5)), Stats.r2(Stats.nearestRank(frTimes, 0.9)),
                Stats.r2(frN == 0 ? null : frSum / frN), true)
                : fromHist(frHist, frN, frSum);
        Dtos.TimeStats res = exact
                ? new Dtos.TimeStats(resN, Stats.r2(Stats.nearestRank(resTimes, 0.5)), Stats.r2(Stats.nearestRank(resTimes, 0.9)),
                Stats.r2(resN == 0 ? null : resSum / resN), true)
                : fromHist(resHist, resN, resSum);
        long onTimeBase = resolved + openOverdue;
        return new Dtos.Figures(received, rejected, base(), responded, resolved, rated, satisfied, onTime, openOverdue,
                Stats.r4(Stats.rate(responded, base())), Stats.r4(Stats.rate(resolved, base())),
                Stats.r4(Stats.rate(satisfied, rated)), Stats.r4(Stats.rate(onTime, onTimeBase)), fr, res);
    }

    private static Dtos.TimeStats fromHist(NavigableMap<Integer, Long> hist, long n, double sum) {
        Integer m = Stats.nearestRank(hist, 0.5);
        Integer p = Stats.nearestRank(hist, 0.9);
        return new Dtos.TimeStats(n, m == null ? null : m / 10.0, p == null ? null : p / 10.0,
                Stats.r2(n == 0 ? null : sum / n), false);
    }
}
