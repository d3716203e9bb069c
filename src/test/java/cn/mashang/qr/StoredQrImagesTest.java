package cn.mashang.qr;

import cn.mashang.Db;
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

import java.sql.Connection;
import java.util.Map;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** QR images are rendered once per code, format and size class and then read from the store (V102). */
@MicronautTest(transactional = false)
class StoredQrImagesTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    QrImages images;
    @Inject
    TransactionOperations<Connection> tx;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private byte[] png(String code, int size) {
        HttpResponse<byte[]> r = client.exchange(HttpRequest.GET("/api/v1/codes/" + code + "/qr.png?size=" + size), byte[].class);
        assertEquals(200, r.code());
        return r.body();
    }

    private long storedRows(String code) {
        return Db.count(tx, "SELECT COUNT(*) FROM qr_image i JOIN contact_code c ON c.id = i.code_id WHERE c.code = ?", code);
    }

    @Test
    void aSecondRequestReadsTheStoredBytesWithoutRendering() {
        byte[] first = png("zhan622222", 512);
        long renders = images.renders();
        assertEquals(1, storedRows("zhan622222"));
        images.clear(); // as after a restart or on another replica: only the database holds the image
        byte[] second = png("zhan622222", 512);
        assertEquals(renders, images.renders());
        assertArrayEquals(first, second);
    }

    @Test
    void aSizeOutsideTheClassesIsRenderedButNotStored() {
        png("zhan422222", 300);
        assertEquals(0, storedRows("zhan422222"));
    }

    @Test
    void aRevokedCodeLosesItsStoredImagesAndItsReplacementIsStoredAtIssue() {
        png("zhan722222", 512);
        assertEquals(1, storedRows("zhan722222"));
        String token = new StaffLogins().token(client, StaffLogins.CITY_ADMIN);
        Map<String, Object> issued = client.retrieve(HttpRequest.POST("/api/v1/codes/zhan722222/revoke",
                Map.of("reason", "海报污损")).bearerAuth(token), MAP);
        assertEquals(0, storedRows("zhan722222"));
        problem(client, HttpRequest.GET("/api/v1/codes/zhan722222/qr.png?size=512"), 404);
        String fresh = (String) issued.get("code");
        assertNotEquals("zhan722222", fresh);
        assertEquals(8, storedRows(fresh)); // 4 size classes × PNG, SVG
        long renders = images.renders();
        png(fresh, 1024);
        assertEquals(renders, images.renders());
    }
}
