package cn.mashang.openapi;

import io.swagger.v3.oas.annotations.Parameter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OpenAPI, on a header parameter: the resident's device token ({@code X-Resident-Token}, see
 * {@code cn.mashang.resident.ResidentTokens}): no account, a signed device id kept on the phone.
 */
@Parameter(description = "居民设备令牌 / the resident's device token (`rt1.…`), as answered by a submission "
        + "(`residentToken`) or `GET /api/v1/my/token`; optional, an invalid one counts as none", example = "rt1.…")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER})
public @interface ResidentToken {
}
