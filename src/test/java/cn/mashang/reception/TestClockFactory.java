package cn.mashang.reception;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * A settable clock for tests that name a Beijing time in {@code test.clock} (e.g. 2026-09-20T10:00:00). It exists
 * from the start of the context, so the demo data generated at start-up already sees it.
 */
@Factory
@Requires(property = "test.clock")
class TestClockFactory {
    @Singleton
    @Primary
    Clock clock(@Value("${test.clock}") String beijingLocal) {
        return new FixedClock(beijingLocal);
    }
}
