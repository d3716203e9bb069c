package cn.mashang.archive;

import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archives of a region in one ZIP: one PDF per deputy of the region (home region in it, or a seat at one of its
 * stations), none of another region; the per-deputy PDF; 404 outside the admin's region.
 */
@MicronautTest(transactional = false)
@Property(name = "micronaut.http.client.read-timeout", value = "120s") // the test client waits for the whole ZIP
class ArchiveBundleTest {
    private static final Pattern ENTRY = Pattern.compile("履职档案-2026-(.+)-(\\d+)\\.pdf");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    TransactionOperations<Connection> tx;
    BlockingHttpClient c;

    @BeforeEach
    void setUp() {
        c = http.toBlocking();
    }

    /** Deputies seated in the county's stations (public station pages) or at home in it (their region). */
    private Set<Long> deputiesOf(String county) {
        Set<Long> out = new TreeSet<>();
        for (Map<String, Object> s : Http.list(Http.get(c, "/api/v1/stations?page=0&size=100&region=" + ids.region(county))
                .get("items"))) {
            Http.list(Http.get(c, "/api/v1/stations/" + s.get("id")).get("deputies"))
                    .forEach(d -> out.add(((Number) d.get("deputyId")).longValue()));
        }
        out.addAll(tx.executeRead(status -> {
            try (var ps = status.getConnection().prepareStatement("""
                    SELECT d.id FROM deputy d JOIN region r ON r.id = d.region_id
                    WHERE r.path LIKE CONCAT((SELECT path FROM region WHERE id = ?), '%')""")) {
                ps.setLong(1, ids.region(county));
                Set<Long> home = new TreeSet<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        home.add(rs.getLong(1));
                    }
                }
                return home;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
        return out;
    }

    /** Entry name → bytes of the ZIP, read with java.util.zip. */
    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    @Test
    void theCountysZipHasOnePdfPerDeputyOfTheCountyAndNoneOfAnother() throws IOException {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = c.exchange(HttpRequest.GET("/api/v1/regions/" + ids.region("交口县") + "/archives.zip?year=2026")
                .bearerAuth(Logins.token(c, "jiaokou-admin")), byte[].class);
        System.out.printf("archives.zip of 交口县: %d bytes in %d ms%n", r.body().length, (System.nanoTime() - t0) / 1_000_000);
        assertEquals("application/zip", r.getContentType().orElseThrow().toString());
        assertTrue(r.header("Content-Disposition").startsWith("attachment;"), r.header("Content-Disposition"));
        Map<String, byte[]> entries = unzip(r.body());
        Set<Long> inZip = new TreeSet<>();
        for (var e : entries.entrySet()) {
            Matcher m = ENTRY.matcher(e.getKey());
            assertTrue(m.matches(), e.getKey());
            inZip.add(Long.valueOf(m.group(2)));
            assertEquals("%PDF", new String(e.getValue(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII), e.getKey());
        }
        Set<Long> expected = deputiesOf("交口县");
        assertEquals(expected, inZip);
        assertEquals(expected.size(), entries.size());
        Set<Long> lishiOnly = new TreeSet<>(deputiesOf("离石区"));
        lishiOnly.removeAll(expected);
        assertFalse(lishiOnly.isEmpty());
        assertTrue(inZip.stream().noneMatch(lishiOnly::contains), () -> inZip + " vs " + lishiOnly);
        String name = entries.keySet().stream().filter(n -> n.contains("-曹红梅-")).findFirst().orElseThrow();
        String text = pdfText(entries.get(name));
        assertTrue(text.contains("代表履职档案") && text.contains("曹红梅") && text.contains("进站履职（场次）"), text);
    }

    @Test
    void aDeputysArchiveIsAPdfForTheHeadOfTheirStationAndHiddenFromAnotherStationsHead() throws IOException {
        long cao = ids.deputy("曹红梅");
        HttpResponse<byte[]> r = c.exchange(HttpRequest.GET("/api/v1/deputies/" + cao + "/archive.pdf?year=2026")
                .bearerAuth(Logins.token(c, "head-shuitou")), byte[].class);
        assertEquals("application/pdf", r.getContentType().orElseThrow().toString());
        String text = pdfText(r.body());
        assertTrue(text.contains("曹红梅") && text.contains("年度：2026") && text.contains("接待群众（人次）：0"), text);
        Set<Long> seats = new TreeSet<>();
        Http.list(Http.get(c, "/api/v1/deputies/" + cao).get("stations")).forEach(s -> seats.add(((Number) s.get("stationId")).longValue()));
        String stranger = seats.contains(ids.station(DemoIds.QJNY)) ? "head-heping" : "head-qjny";
        assertFalse(seats.contains(ids.station(stranger.equals("head-qjny") ? DemoIds.QJNY : DemoIds.HEPING)));
        Http.problem(c, HttpRequest.GET("/api/v1/deputies/" + cao + "/archive.pdf").bearerAuth(Logins.token(c, stranger)), 404);
    }

    @Test
    void outsideTheirRegionAdminsGet404AndHeadsAreRefused() {
        long jiaokou = ids.region("交口县");
        for (String login : java.util.List.of("lishi-admin", "datong-admin")) {
            Http.problem(c, HttpRequest.GET("/api/v1/regions/" + jiaokou + "/archives.zip").bearerAuth(Logins.token(c, login)), 404);
        }
        Http.problem(c, HttpRequest.GET("/api/v1/regions/" + jiaokou + "/archives.zip").bearerAuth(Logins.token(c, "head-shuitou")), 403);
        Http.problem(c, HttpRequest.GET("/api/v1/regions/" + jiaokou + "/archives.zip?year=1999")
                .bearerAuth(Logins.token(c, "jiaokou-admin")), 400);
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }
}
