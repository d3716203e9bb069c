package cn.mashang.common;

import cn.mashang.Db;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A cache reload triggered inside a request's transaction runs after that transaction ended: through
 * {@link Refreshes} it reads with a connection of its own; through the bare blocking pool (the caller's context
 * carried along) it joins the closed connection and fails — the failure this executor exists for.
 */
@MicronautTest(transactional = false)
class RefreshesTest {
    @Inject
    Refreshes refreshes;
    @Inject
    @Named(TaskExecutors.BLOCKING)
    ExecutorService blocking;
    @Inject
    TransactionOperations<Connection> tx;

    /** Starts a read on {@code executor} from inside a transaction; the read runs once the transaction has ended. */
    CompletableFuture<Long> readAfterTheCallersTransaction(Executor executor) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        CompletableFuture<Long> read = tx.executeRead(status -> CompletableFuture.supplyAsync(() -> {
            try {
                ended.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return Db.count(tx, "SELECT COUNT(*) FROM station");
        }, executor));
        ended.countDown();
        return read;
    }

    @Test
    void aReloadStartedInsideATransactionReadsWithAConnectionOfItsOwnAfterTheTransactionEnded() throws Exception {
        long stations = Db.count(tx, "SELECT COUNT(*) FROM station");
        assertEquals(stations, readAfterTheCallersTransaction(refreshes).get(10, TimeUnit.SECONDS));
    }

    @Test
    void theBareBlockingPoolCarriesTheEndedTransactionAlongAndTheReadFails() throws Exception {
        var read = readAfterTheCallersTransaction(blocking);
        assertThrows(ExecutionException.class, () -> read.get(10, TimeUnit.SECONDS));
    }
}
