package cn.mashang.concern.intake;

import cn.mashang.concern.Intake;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static cn.mashang.Http.problem;
import static cn.mashang.concern.Intake.REGIONAL_CODE;
import static cn.mashang.concern.Intake.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "intake.device-submit-limit", value = "2")
@Property(name = "intake.device-submit-period", value = "10m")
@Property(name = "intake.address-submit-limit", value = "3")
@Property(name = "intake.address-submit-period", value = "1h")
class IntakeLimitsTest {
    @Inject
    @Client("/")
    HttpClient http;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    @Test
    void aDeviceOverItsLimitGets429WithRetryAfter() {
        var first = Intake.submit(client, body(REGIONAL_CODE, "设备限流一：小区路灯不亮"));
        String token = (String) first.get("residentToken");
        Intake.submit(client, body(REGIONAL_CODE, "设备限流二：垃圾桶不够用"), "k-" + UUID.randomUUID(), token,
                Intake.randomAddress());
        Intake.submit(client, body(REGIONAL_CODE, "设备限流三：楼道堆放杂物"), "k-" + UUID.randomUUID(), token,
                Intake.randomAddress());
        var e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () ->
                Intake.submit(client, body(REGIONAL_CODE, "设备限流四：电梯经常故障"), "k-" + UUID.randomUUID(), token,
                        Intake.randomAddress()));
        assertEquals(429, e.getStatus().getCode());
        long retry = Long.parseLong(e.getResponse().header("Retry-After"));
        assertTrue(retry > 0 && retry <= 600, "Retry-After " + retry);
    }

    @Test
    void anAddressOverItsLimitGets429ButARetryOfAnAcceptedSubmissionStillAnswers() {
        String addr = Intake.randomAddress();
        String key = "k-" + UUID.randomUUID();
        var b = body(REGIONAL_CODE, "地址限流一：停车位不足");
        Intake.submit(client, b, key, null, addr);
        Intake.submit(client, body(REGIONAL_CODE, "地址限流二：公交站没有遮雨棚"), "k-" + UUID.randomUUID(), null, addr);
        Intake.submit(client, body(REGIONAL_CODE, "地址限流三：道路标线模糊"), "k-" + UUID.randomUUID(), null, addr);
        var p = problem(client, Intake.post(body(REGIONAL_CODE, "地址限流四：共享单车乱停"), "k-" + UUID.randomUUID(), null,
                addr), 429);
        assertEquals("操作过于频繁，请稍后再试", p.get("title"));
        assertEquals(201, Intake.submit(client, b, key, null, addr).code());
    }
}
