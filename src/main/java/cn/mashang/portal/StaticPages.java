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
 * Pages are plain HTML + ES modules; data comes from the JSON API. Every page gets the one shared head
 * (classpath:portal/head.html: charset, viewport, icon, app.css and the {@link Labels} data block) right after its
 * {@code <head>}; the page's file keeps only its title, its own styles and its module. Pages are built once and kept.
 */
@Singleton
public class StaticPages {
    /** What the controllers of pages declare ({@code @Produces}), so the router knows its page routes. */
    public static final String HTML = "text/html;charset=utf-8";
    private static final MediaType HTML_TYPE = MediaType.of(HTML);
    private final ResourceResolver resources;
    private final Labels labels;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    StaticPages(ResourceResolver resources, Labels labels) {
        this.resources = resources;
        this.labels = labels;
    }

    /** The page public/{name}.html with 200, or with the given status (e.g. 404 for a dead code page). */
    public MutableHttpResponse<String> page(String name, HttpStatus status) {
        String html = cache.computeIfAbsent(name, this::build);
        return HttpResponse.<String>status(status).contentType(HTML_TYPE).header("Cache-Control", "no-cache").body(html);
    }

    public MutableHttpResponse<String> page(String name) {
        return page(name, HttpStatus.OK);
    }

    private String build(String name) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("bad page name");
        }
        String page = read("classpath:public/" + name + ".html");
        int head = page.indexOf("<head>");
        if (head < 0) {
            throw new IllegalStateException("page " + name + " has no <head>");
        }
        String shared = read("classpath:portal/head.html").replace("__PAGE__", name)
                .replace("__LABELS__", labels.dataBlockJson());
        int at = head + "<head>".length();
        return page.substring(0, at) + "\n" + shared + page.substring(at).stripLeading();
    }

    private String read(String resource) {
        try (InputStream in = resources.getResourceAsStream(resource)
                .orElseThrow(() -> new IllegalStateException("missing " + resource))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
