package cn.mashang.reception;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Dates of a recurring rule, calendar aware. Each occurrence has a nominal date (the rule's own date: the 5th,
 * the Wednesday, the first Wednesday of the month — {@link RulePattern}) and an actual date after the
 * {@link HolidayPolicy} is applied when the nominal date is not a working day. Make-up working days (调休)
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
    static List<Occurrence> between(RulePattern pattern, HolidayPolicy policy, LocalDate from, LocalDate to,
                                    Predicate<LocalDate> workingDay) {
        List<Occurrence> out = new ArrayList<>();
        for (LocalDate nominal : pattern.nominalDates(from, to)) {
            LocalDate actual = apply(policy, nominal, workingDay);
            if (actual != null) {
                out.add(new Occurrence(nominal, actual));
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
