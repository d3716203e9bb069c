package cn.mashang.concern.intake;

import cn.mashang.common.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;

/** JSON bodies of the resident API are small: anything announced above {@code intake.max-body-bytes} is 413. */
@ServerFilter({"/api/v1/concerns", "/api/v1/track/**"})
final class BodyLimitFilter {
    private final IntakeConfig config;

    BodyLimitFilter(IntakeConfig config) {
        this.config = config;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST) {
            return null;
        }
        long length = request.getContentLength();
        if (length > config.maxBodyBytes()) {
            var body = Problem.body(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "提交内容过大",
                    "请求内容不能超过 " + (config.maxBodyBytes() / 1024) + " KB", request.getPath(), Map.of());
            return Problem.respond(HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE), body);
        }
        return null;
    }
}
