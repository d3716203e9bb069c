package cn.mashang.calendar;

import cn.mashang.common.Times;
import io.micronaut.cache.annotation.CacheInvalidate;
import io.micronaut.cache.annotation.Cacheable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and writes the calendar tables. Reads are cached in Caffeine (caches {@code sla-calendar} and
 * {@code sla-calendar-years}, configured under micronaut.caches with a short expiry so other replicas catch
 * up with an edit); a write invalidates this replica's caches at once.
 */
@Singleton
class CalendarStore {
    static final String DAYS = "sla-calendar";
    static final String YEARS = "sla-calendar-years";

    private final CalendarRepository days;

    CalendarStore(CalendarRepository days) {
        this.days = days;
    }

    /** The special days of a year (empty for a year without calendar or without holidays). */
    @Cacheable(DAYS)
    public Map<LocalDate, DayKind> specialDays(int year) {
        Map<LocalDate, DayKind> map = new LinkedHashMap<>();
        for (CalendarDay d : days.findByCalYearOrderByCalDate(year)) {
            map.put(d.calDate(), d.kind());
        }
        return Map.copyOf(map);
    }

    @Cacheable(YEARS)
    public Set<Integer> loadedYears() {
        return Set.copyOf(new TreeSet<>(days.loadedYears()));
    }

    /** The rows of a year, uncached (admin screens). */
    List<CalendarDay> rows(int year) {
        return days.findByCalYearOrderByCalDate(year);
    }

    String source(int year) {
        List<String> sources = days.sourceOf(year);
        return sources.isEmpty() ? null : sources.get(0);
    }

    /** Replaces a year's special days in one transaction and marks the year as loaded. */
    @Transactional
    public void replaceYear(int year, List<CalendarDay> rows, String source) {
        var now = Times.now();
        if (days.countYear(year) == 0) {
            days.insertYear(year, source, now);
        } else {
            days.updateYear(year, source, now);
        }
        days.deleteYear(year);
        days.saveAll(rows);
    }

    @CacheInvalidate(cacheNames = {DAYS, YEARS}, all = true)
    public void invalidate() {
        // the annotation does the work
    }
}
