package cn.mashang.security;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.web.router.MethodBasedRouteInfo;
import io.micronaut.web.router.Router;

import java.lang.reflect.Method;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The API's input surface read from Micronaut's route table: every {@code /api} route with its roles, its query
 * arguments and the properties of its JSON body (through bean introspection, nested records and lists included).
 * Bodies a controller parses itself from a String (the life-cycle actions) are expanded per action through
 * {@code ActionBody.typeOf}. Tests generate their probes from it, so new routes and fields are covered by themselves.
 */
final class ApiRoutes {
    private ApiRoutes() {
    }

    record Route(HttpMethod method, String path, Set<String> roles, MethodBasedRouteInfo<?, ?> info) {
        String key() {
            return method + " " + path;
        }

        List<Argument<?>> queryArguments() {
            List<Argument<?>> out = new ArrayList<>();
            for (Argument<?> a : info.getTargetMethod().getArguments()) {
                if (a.getAnnotationMetadata().hasAnnotation(QueryValue.class)) {
                    out.add(a);
                }
            }
            return out;
        }

        String queryName(Argument<?> a) {
            return a.getAnnotationMetadata().stringValue(QueryValue.class).filter(s -> !s.isEmpty()).orElse(a.getName());
        }

        Optional<Argument<?>> body() {
            return Arrays.stream(info.getTargetMethod().getArguments())
                    .filter(a -> a.getAnnotationMetadata().hasAnnotation(Body.class)).findFirst()
                    .map(a -> (Argument<?>) a);
        }
    }

    /** The place of the probed value in a body; {@link Probe#json} writes it as a raw JSON literal. */
    record Slot(Class<?> type) {
    }

    /** A JSON body that sets one leaf property (nested objects and lists built around it) to a value. */
    record Probe(Route route, String action, String field, Map<String, Object> body) {
        @Override
        public String toString() {
            return route.key() + (action == null ? "" : " action=" + action) + " " + field;
        }

        Class<?> leafType() {
            return find(body);
        }

        /** The body as JSON text with the slot replaced by {@code literal(slot type)}. */
        String json(java.util.function.Function<Class<?>, String> literal) {
            return write(body, literal);
        }

        private static Class<?> find(Object o) {
            if (o instanceof Slot s) {
                return s.type();
            }
            if (o instanceof Map<?, ?> m) {
                return find(m.values().iterator().next());
            }
            return find(((List<?>) o).get(0));
        }

        private static String write(Object o, java.util.function.Function<Class<?>, String> literal) {
            if (o instanceof Slot s) {
                return literal.apply(s.type());
            }
            if (o instanceof Map<?, ?> m) {
                var e = m.entrySet().iterator().next();
                return "{\"" + e.getKey() + "\":" + write(e.getValue(), literal) + "}";
            }
            return "[" + write(((List<?>) o).get(0), literal) + "]";
        }
    }

    static List<Route> api(Router router) {
        Map<String, Route> routes = new LinkedHashMap<>();
        router.uriRoutes().forEach(r -> {
            String path = r.getUriMatchTemplate().toPathString();
            if (!path.startsWith("/api/") || r.getHttpMethod() == HttpMethod.HEAD
                    || !(r instanceof MethodBasedRouteInfo<?, ?> m)) {
                return;
            }
            String[] declared = r.getAnnotationMetadata().getDeclaredMetadata().stringValues(Secured.class);
            // the method's own @Secured replaces its controller's (as Micronaut Security reads it)
            Set<String> roles = new TreeSet<>(Arrays.asList(declared.length > 0 ? declared : r.getAnnotationMetadata().stringValues(Secured.class)));
            routes.putIfAbsent(r.getHttpMethod() + " " + path, new Route(r.getHttpMethod(), path, roles, m));
        });
        return new ArrayList<>(routes.values());
    }

    /**
     * Every JSON body property of every route whose type matches, as a one-property body: for typed bodies from
     * the introspection of the @Body type, for the action route from each action's body class.
     */
    static List<Probe> bodyProbes(List<Route> routes, Predicate<Class<?>> leaf) {
        List<Probe> probes = new ArrayList<>();
        for (Route r : routes) {
            Optional<Argument<?>> body = r.body();
            if (body.isEmpty()) {
                continue;
            }
            Class<?> type = body.get().getType();
            if (type == String.class && r.path().endsWith("/actions/{action}")) {
                for (var e : (r.path().startsWith("/api/v1/suggestions/") ? suggestionBodies() : actionBodies()).entrySet()) {
                    for (var p : leaves(e.getValue(), leaf, 0)) {
                        probes.add(new Probe(r, e.getKey(), p.getKey(), p.getValue()));
                    }
                }
            } else {
                for (var p : leaves(type, leaf, 0)) {
                    probes.add(new Probe(r, null, p.getKey(), p.getValue()));
                }
            }
        }
        return probes;
    }

    /** (leaf property name, body with that property set) for every matching leaf of the type. */
    static List<Map.Entry<String, Map<String, Object>>> leaves(Class<?> type, Predicate<Class<?>> leaf, int depth) {
        List<Map.Entry<String, Map<String, Object>>> out = new ArrayList<>();
        Optional<? extends BeanIntrospection<?>> bi = BeanIntrospector.SHARED.findIntrospection(type);
        if (bi.isEmpty() || depth > 3) {
            return out;
        }
        for (BeanProperty<?, ?> p : bi.get().getBeanProperties()) {
            Class<?> t = p.getType();
            Argument<?> arg = p.asArgument();
            if (leaf.test(t)) {
                out.add(Map.entry(p.getName(), new HashMap<>(Map.of(p.getName(), new Slot(t)))));
            } else if (Iterable.class.isAssignableFrom(t) && arg.getTypeParameters().length == 1) {
                Class<?> element = arg.getTypeParameters()[0].getType();
                if (leaf.test(element)) {
                    out.add(Map.entry(p.getName(), new HashMap<>(Map.of(p.getName(), List.of(new Slot(element))))));
                } else {
                    for (var inner : leaves(element, leaf, depth + 1)) {
                        out.add(Map.entry(inner.getKey(), new HashMap<>(Map.of(p.getName(), List.of(inner.getValue())))));
                    }
                }
            } else if (!t.getName().startsWith("java.") && !t.isPrimitive() && !t.isEnum()) {
                for (var inner : leaves(t, leaf, depth + 1)) {
                    out.add(Map.entry(inner.getKey(), new HashMap<>(Map.of(p.getName(), inner.getValue()))));
                }
            }
        }
        return out;
    }

    /** Action path → its body class, through {@code ActionBody.typeOf(ConcernAction)}. */
    static Map<String, Class<?>> actionBodies() {
        try {
            Class<?> actions = Class.forName("cn.mashang.concern.lifecycle.ConcernAction");
            Method of = Class.forName("cn.mashang.concern.lifecycle.ActionBody").getDeclaredMethod("typeOf", actions);
            of.setAccessible(true);
            Method path = actions.getMethod("path");
            Method staff = actions.getMethod("staff");
            Map<String, Class<?>> out = new LinkedHashMap<>();
            for (Object a : actions.getEnumConstants()) {
                if ((boolean) staff.invoke(a)) {
                    out.put((String) path.invoke(a), (Class<?>) of.invoke(null, a));
                }
            }
            return out;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the action bodies moved: teach ApiRoutes.actionBodies where they are", e);
        }
    }

    /** The body type of each action of a 代表建议 (its own small state machine, cn.mashang.suggestion). */
    static Map<String, Class<?>> suggestionBodies() {
        try {
            Class<?> actions = Class.forName("cn.mashang.suggestion.SuggestionStateMachine$Action");
            Method of = Class.forName("cn.mashang.suggestion.SuggestionBody").getDeclaredMethod("typeOf", actions);
            of.setAccessible(true);
            Method path = actions.getDeclaredMethod("path");
            path.setAccessible(true);
            Map<String, Class<?>> out = new LinkedHashMap<>();
            for (Object a : actions.getEnumConstants()) {
                out.put((String) path.invoke(a), (Class<?>) of.invoke(null, a));
            }
            return out;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the suggestion bodies moved: teach ApiRoutes.suggestionBodies where they are", e);
        }
    }

    static boolean temporal(Class<?> t) {
        return Temporal.class.isAssignableFrom(t);
    }

    /** A caller allowed by the route's roles (null: anonymous). */
    static String caller(Route r) {
        if (r.roles().contains("isAuthenticated()")) {
            return "head-qjny";
        }
        for (var e : List.of(Map.entry("ADMIN", "lvliang-admin"), Map.entry("STATION_HEAD", "head-qjny"),
                Map.entry("LIAISON", "liaison-qjny"), Map.entry("DEPUTY", "13800000001"),
                Map.entry("DEPARTMENT", "dept-xiaoyi-zhujian"))) {
            if (r.roles().contains(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * The path with every variable filled with something well-formed that names no object (unknown ids and codes),
     * so a probe that passes the input rules ends in 404 and never writes.
     */
    static String fill(Route r, String action) {
        return r.path().replaceAll("\\{action}", action == null ? "accept" : action)
                .replaceAll("\\{code}", "zzzzzzzzzz").replaceAll("\\{trackingNo}", "LL-20000101-999999")
                .replaceAll("\\{year}", "2099").replaceAll("\\{[^}]+}", "987654321");
    }
}
