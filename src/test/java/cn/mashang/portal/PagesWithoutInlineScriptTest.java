package cn.mashang.portal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSP allows scripts only from our origin, so an inline script silently does nothing in the browser (a login
 * form then falls back to a native GET with the password in the URL). Every page must load its code from a file,
 * and every form must post.
 */
class PagesWithoutInlineScriptTest {
    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM = Pattern.compile("<form([^>]*)>", Pattern.CASE_INSENSITIVE);

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/public"))) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void noPageCarriesAnInlineExecutableScriptOrAnInlineEventHandler() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<Path> pages = pages();
        assertTrue(pages.size() >= 10, "found the portal pages: " + pages);
        for (Path page : pages) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            Matcher m = SCRIPT.matcher(html);
            while (m.find()) {
                String attrs = m.group(1);
                if (!attrs.contains("src=") && !attrs.contains("application/json")) {
                    offenders.add(page.getFileName() + ": <script" + attrs + ">");
                }
            }
            if (Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find()) {
                offenders.add(page.getFileName() + ": inline on* handler");
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void everyFormWithAPasswordPostsSoNoPasswordCanEndUpInAUrl() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path page : pages()) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            if (!html.contains("type=\"password\"")) {
                continue;
            }
            Matcher m = FORM.matcher(html);
            while (m.find()) {
                if (!m.group(1).toLowerCase().contains("method=\"post\"")) {
                    offenders.add(page.getFileName() + ": <form" + m.group(1) + ">");
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
