package cn.mashang.common;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds RFC 9457 problem bodies; the one shape every error of the API takes. */
public final class Problem {
    public static final String CONTENT_TYPE = "application/problem+json";
    public static final MediaType MEDIA_TYPE = MediaType.of(CONTENT_TYPE);

    private Problem() {
    }

    public static Map<String, Object> body(HttpStatus status, String title, String detail,
                                           String instance, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.getCode());
        if (detail != null && !detail.isBlank()) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        if (extra != null) {
            extra.forEach(body::putIfAbsent);
        }
        return body;
    }

    public static MutableHttpResponse<Map<String, Object>> respond(MutableHttpResponse<?> base, Map<String, Object> body) {
        return base.contentType(MEDIA_TYPE).body(body);
    }

    /** A default Chinese title for a status, used for framework-raised errors. */
    public static String titleFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求参数有误";
            case UNAUTHORIZED -> "请先登录";
            case FORBIDDEN -> "无权执行此操作";
            case NOT_FOUND -> "未找到";
            case METHOD_NOT_ALLOWED -> "不支持的请求方法";
            case NOT_ACCEPTABLE -> "不支持的响应格式";
            case CONFLICT -> "操作冲突";
            case REQUEST_ENTITY_TOO_LARGE -> "提交内容过大";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持的内容类型";
            case UNPROCESSABLE_ENTITY -> "请求无法处理";
            case TOO_MANY_REQUESTS -> "操作过于频繁，请稍后再试";
            case SERVICE_UNAVAILABLE -> "服务暂时不可用，请稍后再试";
            default -> status.getCode() >= 500 ? "服务器内部错误" : status.getReason();
        };
    }
}
