package cn.mashang.common;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/** Micronaut Data errors (including "cannot get a connection"): 503 when transient, else 500. */
@Produces
@Singleton
final class DataAccessProblemHandler implements ExceptionHandler<DataAccessException, HttpResponse<Map<String, Object>>> {
    @Override
    public HttpResponse<Map<String, Object>> handle(HttpRequest request, DataAccessException e) {
        return DatabaseUnavailable.answer(request, e);
    }
}
