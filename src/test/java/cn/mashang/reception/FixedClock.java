package cn.mashang.reception;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A test clock that reads a settable instant (Beijing time helpers), in any zone. */
public final class FixedClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public FixedClock(String beijingLocal) {
        this(new AtomicReference<>(beijing(beijingLocal)), ZoneId.of("Asia/Shanghai"));
    }

    private FixedClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public static Instant beijing(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    public void set(String beijingLocal) {
        now.set(beijing(beijingLocal));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new FixedClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
