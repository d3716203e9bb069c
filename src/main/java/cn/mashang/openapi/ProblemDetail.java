package cn.mashang.openapi;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The documented shape of every error body ({@code application/problem+json}, RFC 9457), as
 * {@link cn.mashang.common.Problem#body} builds it. Only for the OpenAPI document: the server builds the map itself.
 */
@Schema(name = "Problem", description = """
        错误响应（RFC 9457 problem+json）。The one shape of every error: a Chinese `title` for the status, a readable \
        `detail`, and per case `errors` (invalid fields), `retryAfterSeconds` (429, 503, an idempotent submission \
        still running), `currentState`/`currentVersion` (a life-cycle action refused: 403/409).""",
        example = """
        {"type":"about:blank","title":"请求参数有误","status":400,"detail":"content: 内容应为 5 到 2000 字",\
        "instance":"/api/v1/concerns","errors":[{"field":"content","message":"内容应为 5 到 2000 字"}]}""")
public record ProblemDetail(
        @Schema(description = "Always `about:blank`: the status code is the type.", example = "about:blank")
        String type,
        @Schema(description = "简短中文标题 / short Chinese title of the status", example = "请求参数有误")
        String title,
        @Schema(description = "HTTP status code", example = "400")
        int status,
        @Schema(description = "可读的说明 / readable explanation (never a stack trace)")
        @Nullable String detail,
        @Schema(description = "The request path", example = "/api/v1/concerns")
        @Nullable String instance,
        @Schema(description = "Invalid fields (400)")
        @Nullable List<FieldError> errors,
        @Schema(description = "Seconds to wait before retrying (429, 503, 409 of a submission still in progress); "
                + "the same value as the Retry-After header")
        @Nullable Long retryAfterSeconds,
        @Schema(description = "The concern's state when a life-cycle action is refused (403, 409)",
                example = "ASSIGNED")
        @Nullable String currentState,
        @Schema(description = "The concern's version when the client's `version` is stale (409)", example = "3")
        @Nullable Long currentVersion) {

    /** One invalid field. */
    @Schema(name = "ProblemFieldError")
    public record FieldError(@Schema(example = "content") String field,
                             @Schema(example = "内容应为 5 到 2000 字") String message) {
    }
}
