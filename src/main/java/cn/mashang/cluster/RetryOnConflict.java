package cn.mashang.cluster;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Re-runs the whole transaction when the database reports a write conflict: on MariaDB Galera a certification
 * failure at commit (error 1213, SQLState 40001, "Deadlock found when trying to get lock; try restarting
 * transaction"), on one InnoDB server a deadlock, on MySQL InnoDB Cluster in multi-primary mode a Group Replication
 * certification failure (error 3101), on TiDB an optimistic write conflict (error 9007). Put it on a {@code @Transactional} service entry point that
 * writes; the interceptor runs outside the transaction (phase RETRY is before TRANSACTION), so each attempt is a
 * fresh transaction. Nested calls (a transaction already open) are not retried here: the outermost call is.
 * Bounded and jittered: {@link ConflictRetry}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Around
public @interface RetryOnConflict {
}
