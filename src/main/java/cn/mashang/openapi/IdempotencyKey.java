package cn.mashang.openapi;

import io.swagger.v3.oas.annotations.Parameter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OpenAPI, on the {@code Idempotency-Key} header parameter of a submission: required (the server answers 400
 * without it), one key per submission, reused for its retries. See {@link Idempotent}.
 */
@Parameter(required = true, description = "幂等键 / 8–80 of `A-Z a-z 0-9 _ -`, one per submission; a retry of the "
        + "same submission sends the same key and gets the first answer again (`Idempotent-Replayed: true`)",
        example = "3f1c2d4a-5b6e-4f70-8a9b-0c1d2e3f4a5b")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER})
public @interface IdempotencyKey {
}
