package cn.mashang.common;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/** "Failed to obtain JDBC Connection" (Hikari's connection-timeout passed): 503 with Retry-After. */
final class ConnectionProblemHandlers {
    private ConnectionProblemHandlers() {
    }

    @Produces
    @Singleton
    static final class NoJdbcConnection
            implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<Map<String, Object>>> {
        @Override
        public HttpResponse<Map<String, Object>> handle(HttpRequest request, CannotGetJdbcConnectionException e) {
            return DatabaseUnavailable.answer(request, e);
        }
    }

    @Produces
    @Singleton
    static final class NoConnection implements ExceptionHandler<ConnectionException, HttpResponse<Map<String, Object>>> {
        @Override
        public HttpResponse<Map<String, Object>> handle(HttpRequest request, ConnectionException e) {
            return DatabaseUnavailable.answer(request, e);
        }
    }
}
