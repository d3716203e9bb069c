package cn.mashang.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/** Times are stored in UTC and shown in China Standard Time (Asia/Shanghai, +08:00). */
public final class Times {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Times() {
    }

    public static OffsetDateTime show(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    private static final ThreadLocal<Instant> PINNED = new ThreadLocal<>();

    /** Now, truncated to the millisecond precision of DATETIME(3) (or the instant {@link #at} pinned on this thread). */
    public static Instant now() {
        Instant pinned = PINNED.get();
        return pinned != null ? pinned : Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Runs {@code work} on this thread with {@link #now()} answering {@code at}: the living demo
     * ({@code demo.LivingDemo}) builds a past history through the real code paths with it. Nothing else pins time.
     */
    public static <T> T at(Instant at, Supplier<T> work) {
        Instant before = PINNED.get();
        PINNED.set(at.truncatedTo(ChronoUnit.MILLIS));
        try {
            return work.get();
        } finally {
            if (before == null) {
                PINNED.remove();
            } else {
                PINNED.set(before);
            }
        }
    }
}
