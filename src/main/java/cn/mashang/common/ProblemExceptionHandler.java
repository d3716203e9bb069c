package cn.mashang.common;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/** Maps every {@link ApiException} to problem+json. */
@Produces
@Singleton
final class ProblemExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<Map<String, Object>>> {

    @Override
    public HttpResponse<Map<String, Object>> handle(HttpRequest request, ApiException e) {
        Map<String, Object> body = Problem.body(e.status(), e.title(), e.getMessage(), request.getPath(), e.extra());
        var response = HttpResponse.<Map<String, Object>>status(e.status()).contentType(Problem.MEDIA_TYPE).body(body);
        Object retryAfter = e.extra().get("retryAfterSeconds");
        if (retryAfter != null) {
            response.header("Retry-After", String.valueOf(retryAfter));
        }
        return response;
    }
}
