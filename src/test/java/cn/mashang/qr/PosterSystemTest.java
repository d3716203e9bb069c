package cn.mashang.qr;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static cn.mashang.Http.get;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Posters decode back to exactly their URLs. Needs Debian packages: fonts-wqy-microhei (poster font),
 * poppler-utils (pdftoppm, to rasterise the PDF) and zbar-tools (zbarimg, a second independent decoder).
 */
@Tag("system")
@MicronautTest
class PosterSystemTest {
    static final String STATION_CODE = "zhan222222";
    @Inject
    @Client("/")
    HttpClient http;
    static final StaffLogins LOGINS = new StaffLogins();
    BlockingHttpClient client;
    long stationId;
    Set<String> expected;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        var station = map(get(client, "/api/v1/codes/" + STATION_CODE).get("station"));
        stationId = ((Number) station.get("id")).longValue();
        expected = new HashSet<>();
        expected.add((String) get(client, "/api/v1/codes/" + STATION_CODE).get("scanUrl"));
        list(station.get("deputies")).forEach(d -> expected.add((String) d.get("scanUrl")));
    }

    private byte[] download(String what) {
        String token = LOGINS.token(client, StaffLogins.HEAD_QJNY);
        return client.retrieve(HttpRequest.GET("/api/v1/stations/" + stationId + "/" + what).bearerAuth(token), byte[].class);
    }

    @Test
    void everyCodeOnThePngPosterDecodesToItsUrlAlsoPhotographedSmallAndBlurred() throws Exception {
        BufferedImage poster = QrDecoder.read(download("poster.png"));
        assertEquals(1240, poster.getWidth());
        assertEquals(Set.copyOf(expected), Set.copyOf(QrDecoder.decode(poster)));
        BufferedImage small = blur(scale(poster, 600));
        ImageIO.write(small, "png", new File("target/poster-600px.png"));
        assertEquals(Set.copyOf(expected), Set.copyOf(QrDecoder.decode(small)));
    }

    @Test
    void everyCodeOnThePdfPosterDecodesAfterPrintingItWithPoppler() throws Exception {
        Path dir = Files.createTempDirectory("poster");
        Path pdf = dir.resolve("poster.pdf");
        Files.write(pdf, download("poster.pdf"));
        run("pdftoppm", "-r", "150", "-png", pdf.toString(), dir.resolve("page").toString());
        File page = dir.resolve("page-1.png").toFile();
        BufferedImage raster = ImageIO.read(page);
        assertEquals(Set.copyOf(expected), Set.copyOf(QrDecoder.decode(raster)));
        assertEquals(Set.copyOf(expected), Set.copyOf(QrDecoder.decode(blur(scale(raster, 600)))));
        assertEquals(Set.copyOf(expected), Set.copyOf(zbar(page)));
        String text = run("pdffonts", pdf.toString());
        assertTrue(text.contains("yes yes"), "font embedded as subset: " + text);
    }

    @Test
    void thePosterPrintsTheStationsReceptionRuleInTheWordsOfItsPageAndItsNote() throws Exception {
        var station = map(get(client, "/api/v1/codes/" + STATION_CODE).get("station"));
        assertEquals(List.of("每月第一个周三 09:00—12:00（遇节假日顺延至下一个工作日）"), List.copyOf(
                (List<?>) station.get("receptionDays")));
        Path pdf = Files.createTempFile("poster", ".pdf");
        Files.write(pdf, download("poster.pdf"));
        String text = run("pdftotext", "-layout", pdf.toString(), "-").replaceAll("\\s+", "");
        assertTrue(text.contains(("接待日：" + station.get("receptionDays").toString().replaceAll("[\\[\\]]", "")
                + "；" + station.get("receptionNote")).replaceAll("\\s+", "")), text);
        assertTrue(text.contains(("地址：" + station.get("address")).replaceAll("\\s+", "")), text);
    }

    @Test
    void zbarDecodesThePngAndTheSvgRasterToExactlyTheScanUrl() throws Exception {
        String url = (String) get(client, "/api/v1/codes/" + STATION_CODE).get("scanUrl");
        Path png = Files.createTempFile("qr", ".png");
        Files.write(png, client.retrieve(HttpRequest.GET("/api/v1/codes/" + STATION_CODE + "/qr.png?size=256"), byte[].class));
        assertEquals(List.of(url), zbar(png.toFile()));
        String svg = client.retrieve(HttpRequest.GET("/api/v1/codes/" + STATION_CODE + "/qr.svg?size=200"), String.class);
        Path raster = Files.createTempFile("qr-svg", ".png");
        ImageIO.write(QrDecoder.paintSvg(svg), "png", raster.toFile());
        assertEquals(List.of(url), zbar(raster.toFile()));
    }

    static BufferedImage scale(BufferedImage src, int width) {
        int height = src.getHeight() * width / src.getWidth();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src.getScaledInstance(width, height, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return out;
    }

    static BufferedImage blur(BufferedImage src) {
        float[] k = {1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 4 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f};
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        return new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(src, out);
    }

    static List<String> zbar(File image) throws Exception {
        String out = run("zbarimg", "--quiet", "--raw", "-Sqrcode.enable=1", image.getPath());
        List<String> lines = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isBlank()) {
                lines.add(l.trim());
            }
        }
        return lines;
    }

    static String run(String... cmd) throws Exception {
        // stdout only: zbarimg prints D-Bus warnings on stderr in containers
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> String.join(" ", cmd) + " exited " + p.exitValue() + ": " + out);
        return out;
    }
}
