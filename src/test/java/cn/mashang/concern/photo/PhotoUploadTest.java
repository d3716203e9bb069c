package cn.mashang.concern.photo;

import cn.mashang.concern.Intake;
import cn.mashang.Http;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.mashang.Http.list;
import static cn.mashang.Http.problem;
import static cn.mashang.concern.Intake.REGIONAL_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class PhotoUploadTest {
    @Inject
    @Client("/")
    HttpClient http;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    static byte[] image(String format, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(40, 160, 90));
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** A JPEG with an APP1 Exif segment whose GPS IFD holds a latitude (N 37°). */
    static byte[] jpegWithGps() throws IOException {
        byte[] jpeg = image("jpg", 64, 48);
        ByteBuffer tiff = ByteBuffer.allocate(64);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0); // IFD0 → GPS IFD at 26
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[]{'N', 0, 0, 0});                 // GPSLatitudeRef N
        tiff.putShort((short) 2).putShort((short) 4).putInt(1).putInt(37);                                     // GPSLatitude (marker)
        tiff.putInt(0);
        byte[] t = new byte[tiff.position()];
        tiff.flip().get(t);
        byte[] exif = ByteBuffer.allocate(6 + t.length).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(t).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        int len = exif.length + 2;
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.write(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private HttpRequest<?> upload(byte[] bytes, String name, MediaType type) {
        var body = MultipartBody.builder().addPart("file", name, type, bytes).build();
        return HttpRequest.POST("/api/v1/uploads", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header("X-Forwarded-For", Intake.randomAddress());
    }

    private String uploadId(byte[] bytes) {
        return (String) client.retrieve(upload(bytes, "p.jpg", MediaType.IMAGE_JPEG_TYPE), Http.MAP).get("uploadId");
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void aPhotoWithGpsExifComesBackReEncodedWithoutIt() throws IOException {
        byte[] original = jpegWithGps();
        assertTrue(contains(original, "Exif".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(ImageIO.read(new java.io.ByteArrayInputStream(original)) != null, "the test image is a valid JPEG");
        String id = uploadId(original);
        var b = Intake.body(REGIONAL_CODE, "带图片的反映：路面坑洼");
        b.put("photoIds", List.of(id));
        var a = Intake.submit(client, b);
        var view = Http.get(client, Intake.trackUri(a));
        var photos = list(view.get("photos"));
        assertEquals(1, photos.size());
        byte[] served = client.retrieve(HttpRequest.GET(photos.get(0).get("url") + "?key=" + a.get("key")), byte[].class);
        assertEquals((byte) 0xFF, served[0]);
        assertEquals((byte) 0xD8, served[1]);
        assertFalse(contains(served, "Exif".getBytes(StandardCharsets.US_ASCII)), "EXIF must be stripped");
        assertFalse(contains(served, new byte[]{(byte) 0xFF, (byte) 0xE1}), "no APP1 segment");
        BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(served));
        assertEquals(64, decoded.getWidth());
        problem(client, HttpRequest.GET(photos.get(0).get("url") + "?key=wrong"), 404);
        problem(client, HttpRequest.GET((String) photos.get(0).get("url")), 404);
    }

    @Test
    void pngIsAcceptedAndStoredAsJpeg() throws IOException {
        var answer = client.retrieve(upload(image("png", 30, 20), "x.png", MediaType.IMAGE_PNG_TYPE), Http.MAP);
        assertEquals(30, ((Number) answer.get("width")).intValue());
    }

    @Test
    void webpIsRefusedWith415AndAMessage() {
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);
        var p = problem(client, upload(webp, "a.webp", MediaType.of("image/webp")), 415);
        assertTrue(String.valueOf(p.get("detail")).contains("WebP"));
    }

    @Test
    void aFileThatOnlyClaimsToBeAnImageIsRefusedWith415() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        problem(client, upload(html, "a.jpg", MediaType.IMAGE_JPEG_TYPE), 415);
    }

    @Test
    void aTruncatedJpegIsRefusedWith400() throws IOException {
        byte[] jpeg = image("jpg", 40, 40);
        byte[] cut = java.util.Arrays.copyOf(jpeg, 30);
        problem(client, upload(cut, "a.jpg", MediaType.IMAGE_JPEG_TYPE), 400);
    }

    @Test
    void aPixelFloodIsRefusedBeforeDecoding() throws IOException {
        // a PNG header announcing 20000 x 20000 pixels (400 megapixels), tiny on the wire
        byte[] png = image("png", 1, 1);
        ByteBuffer.wrap(png).putInt(16, 20000).putInt(20, 20000);
        var p = problem(client, upload(png, "a.png", MediaType.IMAGE_PNG_TYPE), 413);
        assertTrue(String.valueOf(p.get("detail")).contains("像素"));
    }

    @Test
    void aPhotoOverFiveMegabytesAnswers413() {
        byte[] big = new byte[5 * 1024 * 1024 + 10];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        problem(client, upload(big, "big.jpg", MediaType.IMAGE_JPEG_TYPE), 413);
    }

    @Test
    void uploadWithoutMultipartAnswers415() {
        problem(client, HttpRequest.POST("/api/v1/uploads", Map.of("file", "x")).header("X-Forwarded-For",
                Intake.randomAddress()), 415);
    }

    @Test
    void atMostFourPhotosPerConcernAndEachOnlyOnce() throws IOException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(uploadId(image("jpg", 10 + i, 10)));
        }
        var b = Intake.body(REGIONAL_CODE, "五张图片的反映：违章搭建");
        b.put("photoIds", ids);
        problem(client, Intake.post(b, "k-" + UUID.randomUUID(), null, Intake.randomAddress()), 400);
        b.put("photoIds", ids.subList(0, 4));
        var a = Intake.submit(client, b);
        assertEquals(4, list(Http.get(client, Intake.trackUri(a)).get("photos")).size());
        var again = Intake.body(REGIONAL_CODE, "重复使用图片的反映：另一件事");
        again.put("photoIds", List.of(ids.get(0)));
        problem(client, Intake.post(again, "k-" + UUID.randomUUID(), null, Intake.randomAddress()), 400);
    }
}
