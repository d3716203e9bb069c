package cn.mashang.openapi;

import io.swagger.v3.oas.annotations.Parameter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OpenAPI, on the tracking secret of {@code /api/v1/track/…}: the {@code key} of the submission's answer, as
 * {@code ?key=} or the {@code X-Tracking-Key} header (or neither, from the device that submitted it).
 */
@Parameter(description = "跟踪密钥 / the tracking secret (`key` of the submission's answer), as `?key=` or the "
        + "`X-Tracking-Key` header; not needed with the resident token of the submitting device. Wrong or missing: 404")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER})
public @interface TrackingKey {
}
