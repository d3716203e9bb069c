package cn.mashang.sla;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One clock of a concern at a moment.
 *
 * @param start       when the clock started
 * @param deadline    end of the last allowed working day (Asia/Shanghai)
 * @param stoppedAt   when the segment ended (null = still running)
 * @param usedDays    working days used (until stoppedAt, or until now while running)
 * @param allowedDays working days from start to deadline
 * @param colour      GREEN / AMBER / RED while running; for a stopped clock RED when it stopped late, else GREEN
 * @param onTime      for a stopped clock: stopped no later than the deadline; null while running
 */
@Serdeable
public record SlaClock(SlaSegment segment, Instant start, Instant deadline, @Nullable Instant stoppedAt,
                       double usedDays, double allowedDays, SlaColour colour, @Nullable Boolean onTime) {

    public boolean running() {
        return stoppedAt == null;
    }
}
