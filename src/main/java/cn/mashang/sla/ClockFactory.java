package cn.mashang.sla;

import cn.mashang.common.Times;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The wall clock (Asia/Shanghai) as a bean, so tests can replace it with a fixed one. */
@Factory
class ClockFactory {
    @Singleton
    @Secondary
    Clock clock() {
        return Clock.system(Times.ZONE);
    }
}
