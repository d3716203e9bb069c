package cn.mashang.common;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;

import java.util.Map;

/** Transaction begin/commit failures (no connection, connection lost at commit): 503 when transient, else 500. */
@Produces
@Singleton
final class TransactionProblemHandler implements ExceptionHandler<TransactionException, HttpResponse<Map<String, Object>>> {
    @Override
    public HttpResponse<Map<String, Object>> handle(HttpRequest request, TransactionException e) {
        return DatabaseUnavailable.answer(request, e);
    }
}
