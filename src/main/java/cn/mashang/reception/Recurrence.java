package cn.mashang.reception;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Dates of a recurring rule, calendar aware. Each occurrence has a nominal date (the rule's own date: the 5th,
 * or the Wednesday) and an actual date after the {@link HolidayPolicy} is applied when the nominal date is not
 * a working day. MONTHLY_DAY uses the last day of a shorter month (31 → 30 April). Make-up working days (调休)
 * add no occurrence of their own: a WEEKLY Saturday rule with SKIP is held only on 调休 Saturdays (e.g.
 * 2026-10-10), a WEEKLY Wednesday rule never borrows a make-up Sunday.
 */
final class Recurrence {
    /** Moves are bounded: more than this many non-working days in a row is a broken calendar. */
    static final int MAX_SHIFT = 31;

    private Recurrence() {
    }

    record Occurrence(LocalDate nominal, LocalDate actual) {
    }

    /** Occurrences whose nominal date lies in [from, to] (inclusive). */
    static List<Occurrence> between(RuleKind kind, Integer dayOfMonth, Integer dayOfWeek, HolidayPolicy policy,
                                    LocalDate from, LocalDate to, Predicate<LocalDate> workingDay) {
        List<Occurrence> out = new ArrayList<>();
        for (LocalDate nominal : nominalDates(kind, dayOfMonth, dayOfWeek, from, to)) {
            LocalDate actual = apply(policy, nominal, workingDay);
            if (actual != null) {
                out.add(new Occurrence(nominal, actual));
            }
        }
        return out;
    }

    static List<LocalDate> nominalDates(RuleKind kind, Integer dayOfMonth, Integer dayOfWeek, LocalDate from,
                                        LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        if (kind == RuleKind.MONTHLY_DAY) {
            for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
                LocalDate d = m.atDay(Math.min(dayOfMonth, m.lengthOfMonth()));
                if (!d.isBefore(from) && !d.isAfter(to)) {
                    out.add(d);
                }
            }
        } else {
            DayOfWeek dow = DayOfWeek.of(dayOfWeek);
            LocalDate d = from.plusDays((dow.getValue() - from.getDayOfWeek().getValue() + 7) % 7);
            for (; !d.isAfter(to); d = d.plusWeeks(1)) {
                out.add(d);
            }
        }
        return out;
    }

    /** The actual date of a nominal date under the policy, or null when the occurrence is dropped. */
    static LocalDate apply(HolidayPolicy policy, LocalDate nominal, Predicate<LocalDate> workingDay) {
        if (policy == HolidayPolicy.KEEP || workingDay.test(nominal)) {
            return nominal;
        }
        return switch (policy) {
            case SKIP -> null;
            case NEXT_WORKING_DAY -> shift(nominal, 1, workingDay);
            case PREVIOUS_WORKING_DAY -> shift(nominal, -1, workingDay);
            default -> nominal;
        };
    }

    private static LocalDate shift(LocalDate d, int step, Predicate<LocalDate> workingDay) {
        for (int i = 1; i <= MAX_SHIFT; i++) {
            LocalDate c = d.plusDays((long) step * i);
            if (workingDay.test(c)) {
                return c;
            }
        }
        return null;
    }
}
