package cn.mashang.common;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Where the caches' background reloads run (Caffeine {@code refreshAfterWrite}): the blocking pool, each reload in an
 * empty propagated context. A reload is triggered by a read, often inside a request's transaction; the pool carries
 * the caller's context along, so the reload joined the request's connection and failed with "Connection is closed"
 * once the request had ended (the 1M bench: 389 failed scope reloads in one run). Each reload gets its own connection.
 */
@Singleton
public final class Refreshes implements Executor {
    private final ExecutorService blocking;

    Refreshes(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
    }

    /**
     * A cache builder for values kept at most {@code bound}: an entry is never used older than it, and one past half
     * of it is reloaded in the background at its next read (which is still answered from it), here.
     */
    public Caffeine<Object, Object> within(Duration bound) {
        return Caffeine.newBuilder().refreshAfterWrite(bound.dividedBy(2)).expireAfterWrite(bound).executor(this);
    }

    @Override
    public void execute(Runnable task) {
        blocking.execute(() -> {
            try (PropagatedContext.Scope ignored = PropagatedContext.empty().propagate()) {
                task.run();
            }
        });
    }
}
