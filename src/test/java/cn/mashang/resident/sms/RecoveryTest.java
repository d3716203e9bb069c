package cn.mashang.resident.sms;

import cn.mashang.concern.Intake;
import cn.mashang.notify.OutboxSender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "找回我的反映": mobile + SMS code → recovery token → the number's concerns, each openable without its link. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecoveryTest implements TestPropertyProvider {
    static final LocalAliyunSms SMS = LocalAliyunSms.start();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    OutboxSender sender;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(SMS.properties());
        p.put("notify.sender.enabled", "false");
        p.put("resident.recovery.number-limit", "3");
        return p;
    }

    @AfterAll
    void stop() {
        SMS.close();
    }

    HttpRequest<?> codeFor(String mobile, String address) {
        return HttpRequest.POST("/api/v1/recovery/codes", Map.of("mobile", mobile)).header("X-Forwarded-For", address);
    }

    String sentCode(String mobile) {
        sender.runOnce();
        List<LocalAliyunSms.Sent> got = SMS.sentTo(mobile);
        assertEquals(LocalAliyunSms.CODE_TEMPLATE, got.get(got.size() - 1).templateCode());
        return got.get(got.size() - 1).params().get("code");
    }

    @Test
    void aResidentWhoLostTheLinkRecoversTheConcernByNumberAndCodeAndOpensIt() {
        BlockingHttpClient c = http.toBlocking();
        Map<String, Object> body = Intake.withContact(Intake.body(Intake.STATION_CODE, "村口的桥栏杆松动了，孩子上学经过很危险。"));
        body.put("mobile", "13900002001");
        String no = (String) Intake.submit(c, body).get("trackingNo");
        String address = Intake.randomAddress();
        c.exchange(codeFor("13900002001", address));
        String code = sentCode("13900002001");
        assertTrue(code.matches("\\d{6}"), code);
        Map<?, ?> token = c.retrieve(HttpRequest.POST("/api/v1/recovery/token", Map.of("mobile", "13900002001", "code", code))
                .header("X-Forwarded-For", address), Map.class);
        Map<?, ?> list = c.retrieve(HttpRequest.GET("/api/v1/recovery/concerns")
                .header("X-Recovery-Token", (String) token.get("recoveryToken")), Map.class);
        Map<?, ?> item = (Map<?, ?>) ((List<?>) list.get("items")).get(0);
        assertEquals(no, item.get("trackingNo"));
        String link = (String) item.get("link");
        Map<?, ?> view = c.retrieve(HttpRequest.GET("/api/v1/track/" + no)
                .header("X-Tracking-Key", link.substring(link.indexOf("#k=") + 3)), Map.class);
        assertEquals("SUBMITTED", view.get("state"));
        HttpClientResponseException reused = assertThrows(HttpClientResponseException.class, () -> c.exchange(
                HttpRequest.POST("/api/v1/recovery/token", Map.of("mobile", "13900002001", "code", code))
                        .header("X-Forwarded-For", address)));
        assertEquals(HttpStatus.BAD_REQUEST, reused.getStatus(), "a code is used once");
    }

    @Test
    void fiveWrongTriesKillTheCode() {
        BlockingHttpClient c = http.toBlocking();
        String address = Intake.randomAddress();
        c.exchange(codeFor("13900002002", address));
        String code = sentCode("13900002002");
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThrows(HttpClientResponseException.class, () -> c.exchange(HttpRequest.POST("/api/v1/recovery/token",
                    Map.of("mobile", "13900002002", "code", wrong)).header("X-Forwarded-For", address)));
        }
        var e = assertThrows(HttpClientResponseException.class, () -> c.exchange(HttpRequest.POST("/api/v1/recovery/token",
                Map.of("mobile", "13900002002", "code", code)).header("X-Forwarded-For", address)));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
    }

    @Test
    void aNumberWithoutConcernsGetsTheSameAnswerAndAnEmptyList() {
        BlockingHttpClient c = http.toBlocking();
        var answer = c.exchange(codeFor("13900002003", Intake.randomAddress()), String.class);
        assertEquals(HttpStatus.ACCEPTED, answer.getStatus());
        assertEquals("{\"expiresInSeconds\":300}", answer.body());
    }

    @Test
    void tooManyCodesForOneNumberAnswer429() {
        BlockingHttpClient c = http.toBlocking();
        for (int i = 0; i < 3; i++) {
            c.exchange(codeFor("13900002004", Intake.randomAddress()));
        }
        var e = assertThrows(HttpClientResponseException.class, () -> c.exchange(codeFor("13900002004", Intake.randomAddress())));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, e.getStatus());
    }

    @Test
    void anInvalidNumberIs400AndAForgedTokenIs401() {
        BlockingHttpClient c = http.toBlocking();
        var bad = assertThrows(HttpClientResponseException.class, () -> c.exchange(codeFor("12345", Intake.randomAddress())));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
        var forged = assertThrows(HttpClientResponseException.class, () -> c.exchange(
                HttpRequest.GET("/api/v1/recovery/concerns").header("X-Recovery-Token", "rn1.AAAA.1.AAAA")));
        assertEquals(HttpStatus.UNAUTHORIZED, forged.getStatus());
    }
}
