package cn.mashang.openapi;


import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** OpenAPI: the operation can answer 409 (a name taken, a stale version, a state that does not allow it). */
@ApiResponse(responseCode = "409", description = Errors.E409,
        content = @Content(mediaType = Errors.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Conflicts {
}
