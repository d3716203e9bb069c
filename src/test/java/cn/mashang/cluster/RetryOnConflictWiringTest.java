package cn.mashang.cluster;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest(startApplication = false, transactional = false)
class RetryOnConflictWiringTest {
    @Inject
    ConflictingWork work;
    @Inject
    ConflictRetry retry;

    @Test
    void anAnnotatedTransactionalMethodIsRerunInAFreshTransactionAfterAConflict() {
        work.runs.clear();
        work.failuresLeft = 2;
        long before = retry.retries();
        assertEquals("committed", work.write());
        assertEquals(List.of(true, true, true), work.runs, "three runs, each in a transaction of its own");
        assertEquals(2, retry.retries() - before);
    }

    @Test
    void theBoundHoldsThroughTheInterceptor() {
        work.runs.clear();
        work.failuresLeft = 100;
        assertThrows(IllegalStateException.class, work::write);
        assertEquals(5, retry.attempts());
        assertEquals(5, work.runs.size());
    }
}
