package cn.mashang.openapi;


import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** OpenAPI: the operation takes a request body, so it can answer 413 and 415. */
@ApiResponse(responseCode = "413", description = Errors.E413,
        content = @Content(mediaType = Errors.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "415", description = Errors.E415,
        content = @Content(mediaType = Errors.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface WithBody {
}
