package cn.mashang.dashboard;

import cn.mashang.common.Times;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The aggregate of one station-day's cohort (the concerns received that day, Asia/Shanghai): a {@link Tally} per
 * dimension key ({@link #ALL}, {@code D<deputy id>} with −1 for none, {@code C<category>}), the count per current
 * state, and the flows (how many of them were first answered / resolved on each later day) for the series.
 * Built from the concerns ({@link #add}) by the roll-up job or, for a day not built yet, by the dashboard itself;
 * stored and read by {@link StationDays}.
 */
final class StationDay {
    static final String ALL = "T";
    static final char DEPUTY = 'D';
    static final char CATEGORY = 'C';

    final Map<String, Tally> rows = new LinkedHashMap<>();
    final Map<String, Long> states = new TreeMap<>();
    /** event day → {answered, resolved}. */
    final NavigableMap<LocalDate, long[]> flows = new TreeMap<>();

    static String deputyKey(Long deputyId) {
        return DEPUTY + String.valueOf(deputyId == null ? -1L : deputyId);
    }

    static String categoryKey(String category) {
        return CATEGORY + category;
    }

    static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, Times.ZONE);
    }

    Tally row(String key) {
        return rows.computeIfAbsent(key, k -> new Tally(false));
    }

    long[] flow(LocalDate eventDay) {
        return flows.computeIfAbsent(eventDay, d -> new long[2]);
    }

    void add(ConcernFact f) {
        row(ALL).add(f);
        row(deputyKey(f.deputyId())).add(f);
        row(categoryKey(f.category())).add(f);
        states.merge(StationDashboards.stateKey(f), 1L, Long::sum);
        if (f.firstResponseAt() != null) {
            flow(day(f.firstResponseAt()))[0]++;
        }
        if (f.resolvedAt() != null) {
            flow(day(f.resolvedAt()))[1]++;
        }
    }

    /** 'k:n,k:n' of a histogram (sorted keys). */
    static String encode(Map<?, Long> counts) {
        if (counts.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder(counts.size() * 6);
        counts.forEach((k, n) -> b.append(b.isEmpty() ? "" : ",").append(k).append(':').append(n));
        return b.toString();
    }

    /** Adds the counts of {@link #encode} (null: none) to an integer-keyed histogram. */
    static void decodeInto(String text, NavigableMap<Integer, Long> into) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int i = 0;
        int len = text.length();
        while (i < len) {
            int colon = text.indexOf(':', i);
            int comma = text.indexOf(',', colon);
            int end = comma < 0 ? len : comma;
            into.merge(Integer.parseInt(text, i, colon, 10), Long.parseLong(text, colon + 1, end, 10), Long::sum);
            i = end + 1;
        }
    }

    /** Adds the counts of {@link #encode} (null: none) to a state → count map. */
    static void decodeStates(String text, Map<String, Long> into) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String part : text.split(",")) {
            int colon = part.indexOf(':');
            into.merge(part.substring(0, colon), Long.parseLong(part.substring(colon + 1)), Long::sum);
        }
    }
}
