package cn.mashang.openapi;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** OpenAPI: the operation is rate-limited (429 with Retry-After). */
@ApiResponse(responseCode = "429", description = Errors.E429,
        headers = @Header(name = "Retry-After", description = Errors.RETRY_AFTER, schema = @Schema(type = "integer")),
        content = @Content(mediaType = Errors.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {
}
