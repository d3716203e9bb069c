package cn.mashang.portal;

import cn.mashang.concern.ConcernState;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One page client: the words for enum values come from the server (GET /api/v1/labels, and the same JSON in the
 * shared head of every page), every page route serves the one shared head, and the page scripts neither fetch
 * by themselves nor spell out the server's words.
 */
@MicronautTest
class PageClientTest {
    private static final Path PUBLIC = Path.of("src/main/resources/public");
    private static final Pattern LABELS_BLOCK =
            Pattern.compile("<script type=\"application/json\" id=\"labels\">(.*?)</script>", Pattern.DOTALL);
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Router router;
    @Inject
    JsonMapper json;

    private Map<String, Object> labels() {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/labels"), MAP);
    }

    private static Map<String, Object> entry(Map<String, Object> labels, String list, String value) {
        return list(labels.get(list)).stream().filter(e -> value.equals(e.get("value"))).findFirst().orElseThrow();
    }

    @Test
    void theLabelsAreAnsweredToAnyoneCacheableWithTheServersWordsAndATonePerState() {
        HttpResponse<Map<String, Object>> r = http.toBlocking().exchange(HttpRequest.GET("/api/v1/labels"), MAP);
        assertEquals("public, max-age=3600", r.getHeaders().get("Cache-Control"));
        Map<String, Object> labels = r.body();
        assertEquals("不予受理", entry(labels, "states", "REJECTED").get("label"));
        assertEquals("alert", entry(labels, "states", "REJECTED").get("tone"));
        assertEquals("已重新办理", entry(labels, "states", "REOPENED").get("label"));
        assertEquals(ConcernState.values().length + 1, list(labels.get("states")).size());
        assertEquals(ConcernState.CLOSED_UNRATED, entry(labels, "states", ConcernState.CLOSED_UNRATED_KEY).get("label"));
        assertEquals("登记部门答复", entry(labels, "actions", "DEPARTMENT_ANSWER").get("label"));
        assertEquals("department-answer", entry(labels, "actions", "DEPARTMENT_ANSWER").get("path"));
        assertEquals(false, entry(labels, "outcomes", "DUPLICATE_MERGED").get("choosable"));
        assertEquals("站长", entry(labels, "roles", "STATION_HEAD").get("label"));
        assertEquals("红·已超期", entry(labels, "colours", "RED").get("label"));
        assertEquals("已签到", entry(labels, "bookingStatuses", "CHECKED_IN").get("label"));
        assertEquals("顺延至下一个工作日", entry(labels, "holidayPolicies", "NEXT_WORKING_DAY").get("label"));
    }

    @Test
    void everyPageRouteServesTheOneSharedHeadWithTheLabelsFirstInItsHead() throws IOException {
        var pages = PageRoutes.of(router);
        assertTrue(pages.keySet().containsAll(List.of("/login", "/manage/codes", "/manage/reception", "/s/{code}",
                "/t/{trackingNo}", "/work/concerns/{id}")), pages::toString);
        Map<String, Object> labels = labels();
        List<String> problems = new ArrayList<>();
        for (String template : pages.keySet()) {
            String html = body(PageRoutes.fill(template, "1"));
            int head = html.indexOf("<head>\n<meta charset=\"utf-8\">");
            if (head < 0 || count(html, "<meta charset") != 1 || count(html, "name=\"viewport\"") != 1
                    || count(html, "/static/css/app.css") != 1) {
                problems.add(template + ": not exactly one shared head");
                continue;
            }
            Matcher m = LABELS_BLOCK.matcher(html);
            if (!m.find() || !labels.equals(json.readValue(m.group(1), MAP))) {
                problems.add(template + ": no labels block equal to /api/v1/labels");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noPageFileRepeatsTheSharedHeadAndOnlyApiJsFetches() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path f : files(PUBLIC, ".html")) {
            String html = Files.readString(f, StandardCharsets.UTF_8);
            if (html.contains("<meta charset") || html.contains("name=\"viewport\"") || html.contains("css/app.css")) {
                problems.add(f.getFileName() + " repeats the shared head");
            }
        }
        for (Path f : files(PUBLIC.resolve("js"), ".js")) {
            String js = Files.readString(f, StandardCharsets.UTF_8);
            if (!f.endsWith("api.js") && (js.contains("fetch(") || js.contains("accessToken"))) {
                problems.add(f.getFileName() + " fetches or reads the token itself");
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A map or option list of the server's words in a page ({ SUBMITTED: '待受理' }, ['SOLVED', '已解决'], …). */
    @Test
    void noPageScriptOrPageSpellsOutTheServersWordsForAnEnumValue() throws IOException {
        Map<String, Object> labels = labels();
        List<Path> sources = new ArrayList<>(files(PUBLIC.resolve("js"), ".js"));
        sources.addAll(files(PUBLIC, ".html"));
        List<String> copies = new ArrayList<>();
        for (Path f : sources) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            for (Object entries : labels.values()) {
                for (Map<String, Object> e : list(entries)) {
                    String v = Pattern.quote((String) e.get("value"));
                    String l = Pattern.quote((String) e.get("label"));
                    if (Pattern.compile("\\b" + v + "['\"]?\\s*[:,]\\s*['\"]" + l + "['\"]").matcher(text).find()
                            || Pattern.compile("value=\"" + v + "\">" + l + "<").matcher(text).find()) {
                        copies.add(f.getFileName() + ": " + e.get("value") + " → " + e.get("label"));
                    }
                }
            }
        }
        assertEquals(List.of(), copies);
        assertTrue(map(labels).size() >= 10, "the labels were read");
    }

    private String body(String path) {
        BlockingHttpClient client = http.toBlocking();
        try {
            return client.exchange(HttpRequest.GET(path), String.class).body();
        } catch (HttpClientResponseException e) {
            return e.getResponse().getBody(String.class).orElse("");
        }
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
