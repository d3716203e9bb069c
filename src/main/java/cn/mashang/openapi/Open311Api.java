package cn.mashang.openapi;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OpenAPI: an Open311 GeoReport v2 operation (anonymous at the HTTP layer; POST needs the client's {@code api_key})
 * and its errors, in the spec's own shape ({@code <errors><error><code/><description/></error></errors>} or the
 * JSON array), not problem+json. See docs/open311.md.
 */
@SecurityRequirement(name = "")
@ApiResponse(responseCode = "400", description = "Open311 错误 / Open311 errors (missing or invalid parameter)",
        content = {@Content(mediaType = "application/json", schema = @Schema(type = "array", description = "[{code, description}]")),
                @Content(mediaType = "text/xml", schema = @Schema(type = "string", description = "<errors><error>…</error></errors>"))})
@ApiResponse(responseCode = "403", description = "api_key 缺失、未知或不属于该地区 / missing, unknown or foreign api_key",
        content = @Content(mediaType = "application/json", schema = @Schema(type = "array", description = "[{code, description}]")))
@ApiResponse(responseCode = "404", description = "未找到 / unknown service, request or token",
        content = @Content(mediaType = "application/json", schema = @Schema(type = "array", description = "[{code, description}]")))
@ApiResponse(responseCode = "429", description = "该密钥请求过多 / too many requests for this key",
        content = @Content(mediaType = "application/json", schema = @Schema(type = "array", description = "[{code, description}]")))
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Open311Api {
}
