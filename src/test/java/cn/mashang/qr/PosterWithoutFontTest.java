package cn.mashang.qr;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.mashang.Http.get;
import static cn.mashang.Http.map;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest
@Property(name = "qr.poster-font-paths", value = "/nonexistent/no-cjk-font.ttc")
class PosterWithoutFontTest {
    @Inject
    @Client("/")
    HttpClient http;
    static final StaffLogins LOGINS = new StaffLogins();

    @Test
    void withoutACjkFontPostersAnswer503InsteadOfRenderingBoxes() {
        var client = http.toBlocking();
        long id = ((Number) map(get(client, "/api/v1/codes/zhan222222").get("station")).get("id")).longValue();
        String token = LOGINS.token(client, StaffLogins.HEAD_QJNY);
        for (String what : List.of("poster.pdf", "poster.png")) {
            var body = problem(client, HttpRequest.GET("/api/v1/stations/" + id + "/" + what).bearerAuth(token), 503);
            assertEquals("海报字体未安装", body.get("title"));
        }
    }
}
