package cn.mashang.portal;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the portal's static HTML pages (classpath:public/*.html) at clean paths such as /s/{code}.
 * Pages are plain HTML + ES modules; data comes from the JSON API. Files are read once and kept.
 */
@Singleton
public class StaticPages {
    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");
    private final ResourceResolver resources;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    StaticPages(ResourceResolver resources) {
        this.resources = resources;
    }

    /** The page public/{name}.html with 200, or with the given status (e.g. 404 for a dead code page). */
    public MutableHttpResponse<String> page(String name, HttpStatus status) {
        String html = cache.computeIfAbsent(name, this::load);
        return HttpResponse.<String>status(status).contentType(HTML).header("Cache-Control", "no-cache").body(html);
    }

    public MutableHttpResponse<String> page(String name) {
        return page(name, HttpStatus.OK);
    }

    private String load(String name) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("bad page name");
        }
        try (InputStream in = resources.getResourceAsStream("classpath:public/" + name + ".html")
                .orElseThrow(() -> new IllegalStateException("missing page " + name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
