package cn.mashang.common;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Errors raised by the framework itself (unknown route, unconvertible parameter, failed bean
 * validation, unreadable JSON, 401/403 from security) in the same problem+json shape. Never
 * exposes a stack trace or an internal exception message for 5xx.
 */
@Primary
@Singleton
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext ctx, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        String detail = null;
        List<Map<String, Object>> fieldErrors = new ArrayList<>();
        Throwable cause = ctx.getRootCause().orElse(null);
        ApiException input = inputRule(cause);
        if (input != null) {
            // a body value refused while it was read (text rule, strict types, date window): name its field
            Map<String, Object> body = Problem.body(input.status(), input.title(), input.getMessage(),
                    ctx.getRequest().getPath(), input.extra());
            return Problem.respond(base.status(input.status()), body);
        }
        if (cause instanceof ConstraintViolationException cve) {
            cve.getConstraintViolations().forEach(v -> fieldErrors.add(Map.of(
                    "field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage())));
            detail = fieldErrors.stream().map(f -> f.get("field") + ": " + f.get("message"))
                    .reduce((a, b) -> a + "; " + b).orElse(null);
        } else if (cause instanceof ConversionErrorException cee) {
            String arg = cee.getArgument().getName();
            detail = "参数 " + arg + " 的格式不正确";
            fieldErrors.add(Map.of("field", arg, "message", "格式不正确"));
        } else if (status.getCode() < 500 && !ctx.getErrors().isEmpty()) {
            detail = safe(ctx.getErrors().get(0).getMessage());
        }
        if (status == HttpStatus.NOT_FOUND && detail == null) {
            detail = "请求的地址不存在";
        }
        Map<String, Object> extra = fieldErrors.isEmpty() ? Map.of() : Map.of("errors", fieldErrors);
        Map<String, Object> body = Problem.body(status, Problem.titleFor(status), detail,
                ctx.getRequest().getPath(), extra);
        return Problem.respond(base, body);
    }

    /** The {@link ApiException} a deserializer or converter threw, wherever the framework wrapped it. */
    static ApiException inputRule(Throwable t) {
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof ConversionErrorException cee && cee.getConversionError().getCause() instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** Framework messages for 4xx are short and safe, but cap them and drop class names. */
    private static String safe(String message) {
        if (message == null) {
            return null;
        }
        String m = message.replaceAll("[a-z]+(\\.[a-zA-Z_$][\\w$]*){2,}", "").trim();
        return m.length() > 300 ? m.substring(0, 300) : m;
    }
}
