package cn.mashang.calendar;

import cn.mashang.common.Times;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Working days of the city, in Asia/Shanghai, from the calendar tables (public holidays and 调休 make-up days).
 *
 * <p>A date is a working day iff it is a {@link DayKind#WORKDAY} row, or it is Monday–Friday and not a
 * {@link DayKind#HOLIDAY} row. For a year with no calendar entered ({@link #hasCalendar(int)} false) every
 * Monday–Friday counts; the dashboard warns about it.
 *
 * <p><b>Deadlines</b> ({@link #addWorkingDays}): the start day itself is not counted ("自受理之日起 N 个工作日内",
 * whatever the time of day); the deadline is the <em>end of the n-th working day after the start day</em>,
 * i.e. 23:59:59.999 Asia/Shanghai of that day. n = 0 gives the end of the start day. Example: a concern
 * received on Wed 2026-09-30 with 3 working days is due at 2026-10-10T23:59:59.999+08:00 (Oct 1–7 are the
 * 国庆 holiday; Thu Oct 8, Fri Oct 9 and the make-up Saturday Oct 10 are the three working days).
 * A deadline is passed when now is after that instant.
 *
 * <p><b>Elapsed working time</b> ({@link #workingDaysBetween}): the elapsed time between two instants that lies
 * on working days, in days of 24 hours (a full working day = 1.0; Fri 12:00 → Mon 12:00 = 1.0). Non-working
 * days contribute nothing. Used for response-time figures and for the amber/red colour of a clock.
 */
@Singleton
public class WorkingCalendar {
    static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    /** Guard against runaway loops (e.g. n in the millions). */
    static final int MAX_DAYS = 3660;

    private final CalendarStore store;
    private final Clock clock;

    WorkingCalendar(CalendarStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate date) {
        return table(date.getYear()).working(date.getDayOfYear());
    }

    private static boolean working(LocalDate date, java.util.Map<LocalDate, DayKind> specials) {
        DayKind special = specials.get(date);
        if (special != null) {
            return special == DayKind.WORKDAY;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * A year's working days as a bitmap with prefix counts, built from the (cached) special days and rebuilt
     * whenever the cache hands out a different map (an admin edit, or the cache's expiry). Makes elapsed working
     * time O(1) per year instead of a loop over days (dashboards compute it for hundreds of concerns per request).
     */
    private record YearTable(java.util.Map<LocalDate, DayKind> source, boolean[] working, int[] before, long checkedAt) {
        boolean working(int dayOfYear) {
            return working[dayOfYear];
        }
    }

    private final java.util.concurrent.ConcurrentHashMap<Integer, YearTable> tables = new java.util.concurrent.ConcurrentHashMap<>();

    /** How long a year table is used before the cache is asked again (an edit on this replica clears the tables). */
    static final long RECHECK_NANOS = 1_000_000_000L;

    private YearTable table(int year) {
        YearTable t = tables.get(year);
        long nanos = System.nanoTime();
        if (t != null && nanos - t.checkedAt() < RECHECK_NANOS) {
            return t;
        }
        java.util.Map<LocalDate, DayKind> specials = store.specialDays(year);
        if (t != null && t.source() == specials) {
            tables.put(year, new YearTable(specials, t.working(), t.before(), nanos));
            return t;
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        int days = first.lengthOfYear();
        boolean[] w = new boolean[days + 2];
        int[] before = new int[days + 2];
        for (int d = 1; d <= days; d++) {
            w[d] = working(first.plusDays(d - 1L), specials);
            before[d + 1] = before[d] + (w[d] ? 1 : 0);
        }
        t = new YearTable(specials, w, before, nanos);
        tables.put(year, t);
        return t;
    }

    /** Drops the year tables (after a calendar edit on this replica). */
    void forget() {
        tables.clear();
    }

    /** Number of working days in [from, to) (dates, from ≤ to). */
    long workingDaysIn(LocalDate from, LocalDate to) {
        long n = 0;
        LocalDate d = from;
        while (d.getYear() < to.getYear()) {
            YearTable t = table(d.getYear());
            int len = d.lengthOfYear();
            n += t.before()[len + 1] - t.before()[d.getDayOfYear()];
            d = LocalDate.of(d.getYear() + 1, 1, 1);
        }
        YearTable t = table(d.getYear());
        return n + t.before()[to.getDayOfYear()] - t.before()[d.getDayOfYear()];
    }

    /** True when the year's official arrangement has been entered (possibly with no special days). */
    public boolean hasCalendar(int year) {
        return store.loadedYears().contains(year);
    }

    /** Today in Asia/Shanghai, from the injectable {@link Clock}. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Times.ZONE));
    }

    /** The end (23:59:59.999 Asia/Shanghai) of the n-th working day after the start's local date. */
    public Instant addWorkingDays(Instant start, int n) {
        if (n < 0 || n > MAX_DAYS) {
            throw new IllegalArgumentException("n must be between 0 and " + MAX_DAYS);
        }
        LocalDate day = start.atZone(Times.ZONE).toLocalDate();
        int found = 0;
        while (found < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                found++;
            }
        }
        return day.plusDays(1).atStartOfDay(Times.ZONE).toInstant().minusMillis(1);
    }

    /** Working time between two instants in days (negative when b is before a); see the class comment. */
    public double workingDaysBetween(Instant a, Instant b) {
        return (double) workingMillisBetween(a, b) / DAY_MILLIS;
    }

    /** Working time between two instants in milliseconds (negative when b is before a). */
    public long workingMillisBetween(Instant a, Instant b) {
        if (b.isBefore(a)) {
            return -workingMillisBetween(b, a);
        }
        ZonedDateTime from = a.atZone(Times.ZONE);
        LocalDate day = from.toLocalDate();
        LocalDate last = b.atZone(Times.ZONE).toLocalDate();
        if (day.plusDays(MAX_DAYS * 10L).isBefore(last)) {
            throw new IllegalArgumentException("interval too long");
        }
        long total = 0;
        if (day.equals(last)) {
            return isWorkingDay(day) ? Duration.between(a, b).toMillis() : 0;
        }
        if (isWorkingDay(day)) {
            total += Duration.between(a, day.plusDays(1).atStartOfDay(Times.ZONE).toInstant()).toMillis();
        }
        if (isWorkingDay(last)) {
            total += Duration.between(last.atStartOfDay(Times.ZONE).toInstant(), b).toMillis();
        }
        total += workingDaysIn(day.plusDays(1), last) * DAY_MILLIS;
        return total;
    }
}
