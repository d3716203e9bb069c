package cn.mashang.sla;

import cn.mashang.calendar.WorkingCalendar;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Colours a clock. Allowed time = working time from start to deadline; used = working time from start to now
 * (both by {@link WorkingCalendar#workingMillisBetween}). RED when now is after the deadline; AMBER when
 * used ≥ ratio × allowed (exact integer arithmetic on milliseconds and per-mille); GREEN otherwise.
 */
@Singleton
public class Traffic {
    private final WorkingCalendar calendar;

    Traffic(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public SlaColour colour(Instant start, Instant deadline, Instant now, BigDecimal amberRatio) {
        if (now.isAfter(deadline)) {
            return SlaColour.RED;
        }
        return colour(calendar.workingMillisBetween(start, now), calendar.workingMillisBetween(start, deadline), amberRatio);
    }

    /**
     * The earliest moment after {@code now} at which the colour of a running clock not yet RED can change: the
     * deadline (+1 ms) when AMBER; when GREEN, now + the working time still missing to the amber share — a lower
     * bound, since working time never runs faster than the clock (over a weekend the next look comes too early
     * and finds it still green, never too late).
     */
    public Instant nextChange(Instant start, Instant deadline, Instant now, BigDecimal amberRatio) {
        long allowed = calendar.workingMillisBetween(start, deadline);
        long used = calendar.workingMillisBetween(start, now);
        if (colour(used, allowed, amberRatio) == SlaColour.AMBER) {
            return deadline.plusMillis(1);
        }
        long needed = Math.ceilDiv(Math.multiplyExact(allowed, perMille(amberRatio)), 1000L);
        return now.plusMillis(Math.max(1, needed - used));
    }

    private static long perMille(BigDecimal amberRatio) {
        return amberRatio.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Colour of a clock not yet past its deadline, from used and allowed working milliseconds. */
    static SlaColour colour(long usedMillis, long allowedMillis, BigDecimal amberRatio) {
        long perMille = perMille(amberRatio);
        if (allowedMillis <= 0 || Math.multiplyExact(usedMillis, 1000L) >= Math.multiplyExact(allowedMillis, perMille)) {
            return SlaColour.AMBER;
        }
        return SlaColour.GREEN;
    }
}
