package cn.mashang.cluster;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

/** Runs a {@link RetryOnConflict} method through {@link ConflictRetry}, outside its transaction. */
@Singleton
@InterceptorBean(RetryOnConflict.class)
class RetryOnConflictInterceptor implements MethodInterceptor<Object, Object> {
    private final ConflictRetry retry;
    private final TransactionOperations<?> transactions;

    RetryOnConflictInterceptor(ConflictRetry retry, TransactionOperations<?> transactions) {
        this.retry = retry;
        this.transactions = transactions;
    }

    @Override
    public int getOrder() {
        return InterceptPhase.RETRY.getPosition();
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        if (transactions.findTransactionStatus().isPresent()) {
            return context.proceed(); // inside someone else's transaction: the outermost entry point retries
        }
        return retry.run(context.getDeclaringType().getSimpleName() + "." + context.getMethodName(), () -> context.proceed(this));
    }
}
