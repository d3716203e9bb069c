package cn.mashang.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The 2026 working-day calendar without a database, for plain unit tests of calendar logic: the State Council's
 * arrangement of 2025-11-04 as DESIGN.md §8 lists it (written here independently of the V5 migration).
 */
public final class TestCalendar {
    private TestCalendar() {
    }

    public static WorkingCalendar of2026() {
        Map<LocalDate, DayKind> days = new TreeMap<>();
        holidays(days, "2026-01-01", "2026-01-03");
        holidays(days, "2026-02-15", "2026-02-23");
        holidays(days, "2026-04-04", "2026-04-06");
        holidays(days, "2026-05-01", "2026-05-05");
        holidays(days, "2026-06-19", "2026-06-21");
        holidays(days, "2026-09-25", "2026-09-27");
        holidays(days, "2026-10-01", "2026-10-07");
        for (String d : new String[]{"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"}) {
            days.put(LocalDate.parse(d), DayKind.WORKDAY);
        }
        Map<LocalDate, DayKind> fixed = Map.copyOf(days);
        CalendarStore store = new CalendarStore(null) {
            @Override
            public Map<LocalDate, DayKind> specialDays(int year) {
                return year == 2026 ? fixed : Map.of();
            }

            @Override
            public Set<Integer> loadedYears() {
                return Set.of(2026);
            }
        };
        return new WorkingCalendar(store, Clock.systemUTC());
    }

    private static void holidays(Map<LocalDate, DayKind> days, String from, String to) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            days.put(d, DayKind.HOLIDAY);
        }
    }
}
