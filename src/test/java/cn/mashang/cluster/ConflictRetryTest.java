package cn.mashang.cluster;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConflictRetryTest {
    /** What Connector/J throws at COMMIT when Galera certification fails, wrapped like Micronaut's data layer does. */
    private static RuntimeException certificationFailure() {
        return new IllegalStateException("commit failed", new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
    }

    @Test
    void aConflictIsRetriedAndTheSecondRunsResultIsReturned() {
        ConflictRetry retry = new ConflictRetry(5, 1);
        AtomicInteger runs = new AtomicInteger();
        String result = retry.run("test", () -> {
            if (runs.incrementAndGet() < 3) {
                throw certificationFailure();
            }
            return "committed on run " + runs.get();
        });
        assertEquals("committed on run 3", result);
        assertEquals(2, retry.retries());
        assertEquals(0, retry.exhausted());
    }

    @Test
    void aConflictThatKeepsComingIsRethrownAfterTheBound() {
        ConflictRetry retry = new ConflictRetry(4, 1);
        AtomicInteger runs = new AtomicInteger();
        RuntimeException last = certificationFailure();
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> retry.run("test", () -> {
            runs.incrementAndGet();
            throw last;
        }));
        assertSame(last, thrown);
        assertEquals(4, runs.get());
        assertEquals(1, retry.exhausted());
    }

    /** What Connector/J throws when InnoDB Cluster's Group Replication (multi-primary) fails certification at COMMIT. */
    private static RuntimeException groupReplicationRollback() {
        return new IllegalStateException("commit failed", new SQLException(
                "Plugin instructed the server to rollback the current transaction.", "40000", 3101));
    }

    /** What Connector/J throws when a TiDB optimistic transaction meets a write conflict at COMMIT. */
    private static RuntimeException tidbWriteConflict() {
        return new IllegalStateException("commit failed", new SQLException("Write conflict, txnStartTS=449873268214087681,"
                + " conflictStartTS=449873268214087680, conflictCommitTS=449873268214087682, key={tableID=98, handle=1}"
                + " primary={tableID=98, handle=1} [try again later]", "HY000", 9007));
    }

    /** Fails {@code failures} runs with {@code conflict}, then commits: the retry returns the committing run's result. */
    private static void assertRetriedThrough(RuntimeException conflict, int failures) {
        ConflictRetry retry = new ConflictRetry(5, 1);
        AtomicInteger runs = new AtomicInteger();
        String result = retry.run("test", () -> {
            if (runs.incrementAndGet() <= failures) {
                throw conflict;
            }
            return "committed on run " + runs.get();
        });
        assertEquals("committed on run " + (failures + 1), result);
        assertEquals(failures, retry.retries());
    }

    @Test
    void aGroupReplicationCertificationFailureIsRetriedLikeADeadlock() {
        assertRetriedThrough(groupReplicationRollback(), 1);
    }

    @Test
    void aTidbWriteConflictIsRetriedLikeADeadlock() {
        assertRetriedThrough(tidbWriteConflict(), 2);
    }

    @Test
    void aLockWaitTimeoutIsNotRetried() {
        ConflictRetry retry = new ConflictRetry(5, 1);
        AtomicInteger runs = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> retry.run("test", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException(new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205));
        }));
        assertEquals(1, runs.get());
    }

    @Test
    void otherDatabaseErrorsAreNotRetried() {
        ConflictRetry retry = new ConflictRetry(5, 1);
        AtomicInteger runs = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> retry.run("test", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException(new SQLException("Duplicate entry", "23000", 1062));
        }));
        assertEquals(1, runs.get());
    }
}
