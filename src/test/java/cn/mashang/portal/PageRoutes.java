package cn.mashang.portal;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The page routes of the application, read from Micronaut's router: GET routes outside the API, Open311, ops and
 * static files that produce HTML (page controllers declare {@code @Produces(StaticPages.HTML)}). Shared by the page
 * tests and the browser suite's coverage check, so a page added later is picked up by both.
 */
public final class PageRoutes {
    private static final List<String> NOT_PAGES = List.of("/api/", "/open311/", "/health", "/prometheus", "/openapi/",
            "/static/", "/bench/", "/favicon.ico");

    private PageRoutes() {
    }

    /** Route templates (e.g. {@code /s/{code}}) → the route, sorted by template. */
    public static TreeMap<String, UriRouteInfo<?, ?>> of(Router router) {
        TreeMap<String, UriRouteInfo<?, ?>> pages = new TreeMap<>();
        router.uriRoutes().forEach(r -> {
            String path = r.getUriMatchTemplate().toPathString();
            if (r.getHttpMethod() == HttpMethod.GET && NOT_PAGES.stream().noneMatch(path::startsWith)
                    && r.getProduces().stream().anyMatch(t -> MediaType.TEXT_HTML.equals(t.getName()))) {
                pages.put(path, r);
            }
        });
        return pages;
    }

    /** The template of the page route a path (without query) belongs to. */
    public static Optional<String> templateOf(TreeMap<String, UriRouteInfo<?, ?>> pages, String path) {
        return pages.entrySet().stream().filter(e -> e.getValue().getUriMatchTemplate().match(path).isPresent())
                .map(java.util.Map.Entry::getKey).findFirst();
    }

    /** A path for the template with every variable filled with the given value. */
    public static String fill(String template, String value) {
        return template.replaceAll("\\{[^}]+}", value);
    }
}
