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

/**
 * OpenAPI: a submission made idempotent by the {@code Idempotency-Key} header: a retry with the same key and body
 * answers the first result again, status included ({@code Idempotent-Replayed: true}); the same key with another
 * body is 422; while the first is still running, 409 with Retry-After. The key itself: {@link IdempotencyKey} on
 * the header parameter.
 */
@ApiResponse(responseCode = "409",
        description = "相同的提交正在处理 / the first submission with this key is still running",
        headers = @Header(name = "Retry-After", description = Errors.RETRY_AFTER, schema = @Schema(type = "integer")),
        content = @Content(mediaType = Errors.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "422", description = Errors.E422,
        content = @Content(mediaType = Errors.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Idempotent {
}
