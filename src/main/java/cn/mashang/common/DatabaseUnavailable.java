package cn.mashang.common;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Map;

/**
 * Database failures as answers: a connection that cannot be had within Hikari's connection-timeout, a socket
 * that times out or breaks, a lock wait that gives up — all "try again shortly" — answer 503 "服务暂时不可用"
 * with Retry-After, fast, instead of a hang or a stack trace. Any other database error is a plain 500 whose
 * body names nothing internal. Used by the two exception handlers below (Micronaut Data and transactions).
 */
public final class DatabaseUnavailable {
    static final long RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private DatabaseUnavailable() {
    }

    /** True when the cause chain shows the database unreachable or busy rather than a bug. */
    public static boolean isTransient(Throwable e) {
        if (e instanceof io.micronaut.data.connection.exceptions.ConnectionException
                || e instanceof io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SocketException || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    static MutableHttpResponse<Map<String, Object>> answer(HttpRequest<?> request, RuntimeException e) {
        if (isTransient(e)) {
            LOG.warn("database unavailable for {} {}: {}", request.getMethod(), request.getPath(), rootMessage(e));
            var body = Problem.body(HttpStatus.SERVICE_UNAVAILABLE, "服务暂时不可用",
                    "系统繁忙或正在维护，请稍后再试；已提交的内容不会丢失", request.getPath(),
                    Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
            return Problem.respond(HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE), body)
                    .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        }
        LOG.error("database error for {} {}", request.getMethod(), request.getPath(), e);
        var body = Problem.body(HttpStatus.INTERNAL_SERVER_ERROR, Problem.titleFor(HttpStatus.INTERNAL_SERVER_ERROR),
                null, request.getPath(), Map.of());
        return Problem.respond(HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR), body);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
