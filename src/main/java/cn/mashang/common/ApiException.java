package cn.mashang.common;

import io.micronaut.http.HttpStatus;

import java.util.Map;

/**
 * A failure the client can act on. Mapped once, by {@link ProblemExceptionHandler}, to an
 * {@code application/problem+json} answer with a Chinese title and a readable detail.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String title;
    private final transient Map<String, Object> extra;

    public ApiException(HttpStatus status, String title, String detail, Map<String, Object> extra) {
        super(detail);
        this.status = status;
        this.title = title;
        this.extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extra() {
        return extra;
    }

    /** 404: unknown objects and objects outside the caller's scope look the same. */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "未找到", what + "不存在或无权查看");
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "请求参数有误", detail);
    }

    public static ApiException badField(String field, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "请求参数有误", field + ": " + detail,
                Map.of("errors", java.util.List.of(Map.of("field", field, "message", detail))));
    }

    /** The ApiException an input rule threw while a body was read, wherever a framework wrapped it. */
    public static java.util.Optional<ApiException> within(Throwable t) {
        return java.util.Optional.ofNullable(ProblemErrorResponseProcessor.inputRule(t));
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "操作冲突", detail);
    }

    public static ApiException conflict(String detail, Map<String, Object> extra) {
        return new ApiException(HttpStatus.CONFLICT, "操作冲突", detail, extra);
    }
}
