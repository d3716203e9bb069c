package cn.mashang.openapi;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OpenAPI: an anonymous operation (no token; {@code security: [{}]}) and the errors every one can answer.
 * On a controller class or a method; add {@link Conflicts}, {@link WithBody}, {@link RateLimited}, {@link Idempotent}
 * where they apply.
 */
@SecurityRequirement(name = "")
@ApiResponse(responseCode = "400", description = Errors.E400,
        content = @Content(mediaType = Errors.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = Errors.E404,
        content = @Content(mediaType = Errors.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = Errors.E503,
        headers = @Header(name = "Retry-After", description = Errors.RETRY_AFTER, schema = @Schema(type = "integer")),
        content = @Content(mediaType = Errors.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PublicApi {
}
