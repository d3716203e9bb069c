package cn.mashang.cluster;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;

/** A write entry point for {@link RetryOnConflictWiringTest}: fails with a certification conflict a set number of times. */
@Singleton
@Requires(env = "test")
public class ConflictingWork {
    private final TransactionOperations<?> transactions;
    /** Per run: was it a new transaction (true) or one joined from outside (false)? */
    final List<Boolean> runs = new ArrayList<>();
    int failuresLeft;

    ConflictingWork(TransactionOperations<?> transactions) {
        this.transactions = transactions;
    }

    @RetryOnConflict
    @Transactional
    public String write() {
        runs.add(transactions.findTransactionStatus().orElseThrow().isNewTransaction());
        if (failuresLeft-- > 0) {
            throw new IllegalStateException(new SQLTransactionRollbackException(
                    "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
        }
        return "committed";
    }
}
