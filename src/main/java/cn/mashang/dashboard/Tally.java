package cn.mashang.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Counters of a set of concerns (a cohort: received in the period), filled concern by concern
 * ({@link #add}) or from summary rows ({@link #addSums}); turned into {@link Dtos.Figures}. Times are kept three
 * ways: the exact values (roll-up recomputation), counts per 0.01 working day ({@code *Centi}: the station-day
 * aggregates; exact at the dashboard's resolution, since the figures are rounded to 0.01 and rounding keeps the
 * order) and counts per 0.1 day (region roll-ups, not exact).
 */
final class Tally {
    static final double DAY_MILLIS = 86_400_000.0;
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
    /** … or counts per 0.01 working day, with the sums in working milliseconds (station-day aggregates). */
    final NavigableMap<Integer, Long> frCenti = new TreeMap<>();
    final NavigableMap<Integer, Long> resCenti = new TreeMap<>();
    long frMs;
    long resMs;
    private final boolean keepTimes;

    Tally() {
        this(true);
    }

    /** @param keepTimes keep every exact time (else only the 0.01-day counts) */
    Tally(boolean keepTimes) {
        this.keepTimes = keepTimes;
    }

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
            frMs += Math.round(f.firstResponseDays() * DAY_MILLIS);
            frCenti.merge(centi(f.firstResponseDays()), 1L, Long::sum);
            if (keepTimes) {
                frTimes.add(f.firstResponseDays());
            }
        }
        if (f.resolutionDays() != null) {
            resolved++;
            resN++;
            resSum += f.resolutionDays();
            resMs += Math.round(f.resolutionDays() * DAY_MILLIS);
            resCenti.merge(centi(f.resolutionDays()), 1L, Long::sum);
            if (keepTimes) {
                resTimes.add(f.resolutionDays());
            }
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
        o.frCenti.forEach((k, v) -> frCenti.merge(k, v, Long::sum));
        o.resCenti.forEach((k, v) -> resCenti.merge(k, v, Long::sum));
        frMs += o.frMs;
        resMs += o.resMs;
    }

    /** The 0.01-day bucket of a time: the value {@link Stats#r2} shows, times 100. */
    static int centi(double days) {
        return (int) Math.round(days * 100);
    }

    static int bucket(double days) {
        return (int) Math.min(999, Math.max(0, Math.floor(days * 10 + 1e-9)));
    }

    long base() {
        return received - rejected;
    }

    Dtos.Figures figures() {
        boolean exact = !frTimes.isEmpty() || !resTimes.isEmpty() || !frCenti.isEmpty() || !resCenti.isEmpty()
                || (frHist.isEmpty() && resHist.isEmpty());
        Dtos.TimeStats fr = exact ? exact(frTimes, frCenti, frN, frSum) : fromHist(frHist, frN, frSum);
        Dtos.TimeStats res = exact ? exact(resTimes, resCenti, resN, resSum) : fromHist(resHist, resN, resSum);
        long onTimeBase = resolved + openOverdue;
        return new Dtos.Figures(received, rejected, base(), responded, resolved, rated, satisfied, onTime, openOverdue,
                Stats.r4(Stats.rate(responded, base())), Stats.r4(Stats.rate(resolved, base())),
                Stats.r4(Stats.rate(satisfied, rated)), Stats.r4(Stats.rate(onTime, onTimeBase)), fr, res);
    }

    private static Dtos.TimeStats exact(List<Double> times, NavigableMap<Integer, Long> centi, long n, double sum) {
        Double mean = Stats.r2(n == 0 ? null : sum / n);
        if (times.isEmpty() && !centi.isEmpty()) {
            Integer m = Stats.nearestRank(centi, 0.5);
            Integer p = Stats.nearestRank(centi, 0.9);
            return new Dtos.TimeStats(n, m / 100.0, p / 100.0, mean, true);
        }
        return new Dtos.TimeStats(n, Stats.r2(Stats.nearestRank(times, 0.5)), Stats.r2(Stats.nearestRank(times, 0.9)), mean, true);
    }

    private static Dtos.TimeStats fromHist(NavigableMap<Integer, Long> hist, long n, double sum) {
        Integer m = Stats.nearestRank(hist, 0.5);
        Integer p = Stats.nearestRank(hist, 0.9);
        return new Dtos.TimeStats(n, m == null ? null : m / 10.0, p == null ? null : p / 10.0,
                Stats.r2(n == 0 ? null : sum / n), false);
    }
}
