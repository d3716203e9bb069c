package cn.mashang.qr;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static cn.mashang.Http.get;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class CodeRoutingTest {
    static final String STATION_CODE = "zhan222222";
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    cn.mashang.AppConfig config;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    @Test
    void aStationCodeRoutesToItsStationWithDeputiesAndTheirCodesInOneAnswer() {
        var v = get(client, "/api/v1/codes/" + STATION_CODE);
        assertEquals("STATION", v.get("kind"));
        assertEquals(true, v.get("active"));
        assertEquals(config.publicBaseUrl() + "/s/" + STATION_CODE, v.get("scanUrl"));
        var station = map(v.get("station"));
        assertEquals("吕梁市清洁能源基地暨孝义市新型煤化工人大代表联络站", station.get("name"));
        assertTrue(((String) station.get("address")).length() > 4);
        var deputies = list(station.get("deputies"));
        assertTrue(deputies.size() >= 3, deputies::toString);
        assertEquals("站长", deputies.get(0).get("roleLabel"));
        assertFalse(list(List.of(deputies.get(0).get("levelLabels"))).isEmpty());
        assertTrue(((String) deputies.get(0).get("code")).startsWith("rddb"));
        assertEquals("企业发展", v.get("presetCategory"));
        assertNull(v.get("deputy"));
    }

    @Test
    void aDeputyCodeRoutesToThatDeputyInThatStation() {
        var station = get(client, "/api/v1/codes/" + STATION_CODE);
        var head = list(map(station.get("station")).get("deputies")).get(0);
        var v = get(client, "/api/v1/codes/" + head.get("code"));
        assertEquals("DEPUTY", v.get("kind"));
        assertEquals(head.get("name"), map(v.get("deputy")).get("name"));
        assertEquals(map(station.get("station")).get("id"), map(v.get("station")).get("id"));
        assertEquals(config.publicBaseUrl() + "/s/" + STATION_CODE, v.get("currentStationUrl"));
    }

    @Test
    void unknownAndMalformedCodesAnswer404Problems() {
        problem(client, HttpRequest.GET("/api/v1/codes/zzzzzzzzzz"), 404);
        problem(client, HttpRequest.GET("/api/v1/codes/1"), 404);
        problem(client, HttpRequest.GET("/api/v1/codes/ZHAN222222"), 404);
        problem(client, HttpRequest.GET("/api/v1/codes/zzzzzzzzzz/qr.png"), 404);
        problem(client, HttpRequest.GET("/api/v1/codes/" + "x".repeat(300) + "/qr.svg"), 404);
    }

    @Test
    void unknownCodePagesAreAFriendlyChinese404Page() {
        for (String uri : List.of("/s/zzzzzzzzzz", "/d/not-a-code", "/d/" + STATION_CODE)) {
            var e = assertThrows(HttpClientResponseException.class, () -> client.exchange(uri, String.class));
            assertEquals(404, e.getStatus().getCode(), uri);
            String body = e.getResponse().getBody(String.class).orElseThrow();
            assertTrue(body.contains("未找到此二维码"), body);
            assertTrue(e.getResponse().getContentType().orElseThrow().toString().startsWith("text/html"));
        }
    }

    @Test
    void theStationPageCarriesItsDataInlineAndLinksTheFormWithTheCode() {
        HttpResponse<String> r = client.exchange("/s/" + STATION_CODE, String.class);
        String html = r.body();
        assertEquals(200, r.code());
        assertTrue(html.contains("<title>吕梁市清洁能源基地暨孝义市新型煤化工人大代表联络站</title>"), html);
        assertTrue(html.contains("href=\"/c/new?code=" + STATION_CODE + "\""));
        assertTrue(html.contains("<script type=\"application/json\" id=\"code-data\">{\"code\":\"" + STATION_CODE + "\""), html);
        assertTrue(html.contains("<script type=\"module\" src=\"/static/js/code.js\"></script>"));
        assertFalse(html.contains("__DATA__"));
    }

    @Test
    void qrSizeOutsideTheBoundsAnswers400NamingSize() {
        for (String size : List.of("127", "2049", "0", "-5", "99999999999")) {
            var body = problem(client, HttpRequest.GET("/api/v1/codes/" + STATION_CODE + "/qr.png?size=" + size), 400);
            assertTrue(body.toString().contains("size"), body::toString);
        }
        problem(client, HttpRequest.GET("/api/v1/codes/" + STATION_CODE + "/qr.svg?size=4096"), 400);
    }

    @Test
    void pngDecodesWithAnIndependentDecoderToExactlyTheScanUrlAtEverySize() {
        String url = config.publicBaseUrl() + "/s/" + STATION_CODE;
        for (int size : List.of(128, 512, 2048)) {
            HttpResponse<byte[]> r = client.exchange(HttpRequest.GET("/api/v1/codes/" + STATION_CODE + "/qr.png?size=" + size), byte[].class);
            assertEquals("image/png", r.getContentType().orElseThrow().toString());
            var img = QrDecoder.read(r.body());
            assertEquals(size, img.getWidth());
            assertEquals(size, img.getHeight());
            assertEquals(List.of(url), QrDecoder.decode(img), "size " + size);
        }
    }

    @Test
    void svgDecodesWithAnIndependentDecoderToExactlyTheDeputyScanUrl() {
        var head = list(map(get(client, "/api/v1/codes/" + STATION_CODE).get("station")).get("deputies")).get(0);
        String code = (String) head.get("code");
        HttpResponse<byte[]> r = client.exchange(HttpRequest.GET("/api/v1/codes/" + code + "/qr.svg?size=300"), byte[].class);
        assertTrue(r.getContentType().orElseThrow().toString().startsWith("image/svg+xml"));
        String svg = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(List.of(config.publicBaseUrl() + "/d/" + code), QrDecoder.decodeSvg(svg));
    }
}
