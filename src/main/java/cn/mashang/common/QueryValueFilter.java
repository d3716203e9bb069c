package cn.mashang.common;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.MethodBasedRouteInfo;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Query strings of the API, checked against the matched route's own arguments before it runs: a parameter the
 * route does not declare, text breaking the {@link Text} rule, a boolean other than true/false (so
 * {@code ?overdue=maybe} is no longer read as false), an enum value the type does not have, or a date outside
 * {@link InputWindow} answers 400 naming the parameter.
 */
@ServerFilter("/api/**")
final class QueryValueFilter implements Ordered {

    /** After security: a caller without a token still gets 401, not a hint about the parameters. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        Optional<RouteMatch<?>> match = RouteAttributes.getRouteMatch(request);
        if (match.isEmpty() || request.getParameters().isEmpty()
                || !(match.get().getRouteInfo() instanceof MethodBasedRouteInfo<?, ?> route)) {
            return null;
        }
        Map<String, Argument<?>> declared = new HashMap<>();
        for (Argument<?> a : route.getTargetMethod().getArguments()) {
            String name = a.getAnnotationMetadata().stringValue(QueryValue.class).filter(s -> !s.isEmpty())
                    .orElse(a.getName());
            declared.put(name, a);
        }
        try {
            for (String name : request.getParameters().names()) {
                Argument<?> a = declared.get(name);
                if (a == null) {
                    throw ApiException.badField(name, "未知的查询参数");
                }
                List<String> values = request.getParameters().getAll(name);
                for (String v : values) {
                    Text.check(name, v);
                    value(name, a.getType(), v);
                }
            }
        } catch (ApiException e) {
            return Problem.respond(HttpResponse.status(HttpStatus.BAD_REQUEST),
                    Problem.body(e.status(), e.title(), e.getMessage(), request.getPath(), e.extra()));
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void value(String name, Class<?> type, String v) {
        if (type == Boolean.class || type == boolean.class) {
            String b = v.toLowerCase(Locale.ROOT);
            if (!b.equals("true") && !b.equals("false")) {
                throw ApiException.badField(name, "应为 true 或 false");
            }
        } else if (type.isEnum()) {
            boolean known = false;
            for (Object c : type.getEnumConstants()) {
                known |= ((Enum) c).name().equalsIgnoreCase(v);
            }
            if (!known) {
                throw ApiException.badField(name, "未知的取值：" + v);
            }
        } else if (type == LocalDate.class) {
            if (!v.isBlank()) {
                InputWindow.parseDay(name, v);
            }
        } else if (Temporal.class.isAssignableFrom(type)) {
            throw new IllegalStateException("query parameter " + name + ": only LocalDate is supported");
        }
    }
}
