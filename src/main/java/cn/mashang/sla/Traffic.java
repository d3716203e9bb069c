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

    /** Colour of a clock not yet past its deadline, from used and allowed working milliseconds. */
    static SlaColour colour(long usedMillis, long allowedMillis, BigDecimal amberRatio) {
        long perMille = amberRatio.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        if (allowedMillis <= 0 || Math.multiplyExact(usedMillis, 1000L) >= Math.multiplyExact(allowedMillis, perMille)) {
            return SlaColour.AMBER;
        }
        return SlaColour.GREEN;
    }
}
