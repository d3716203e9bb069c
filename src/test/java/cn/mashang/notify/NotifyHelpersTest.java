package cn.mashang.notify;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotifyHelpersTest {

    @Test
    void backoffDoublesFromTheBaseAndIsCapped() {
        var sender = new NotifyConfig.Sender(true, Duration.ofSeconds(15), 50, Duration.ofMinutes(2), 6,
                Duration.ofSeconds(30), Duration.ofMinutes(5));
        assertEquals(Duration.ofSeconds(30), sender.backoff(1));
        assertEquals(Duration.ofSeconds(60), sender.backoff(2));
        assertEquals(Duration.ofSeconds(240), sender.backoff(4));
        assertEquals(Duration.ofMinutes(5), sender.backoff(5));
        assertEquals(Duration.ofMinutes(5), sender.backoff(60));
    }

    @Test
    void longWeComContentIsCutToTheByteLimitWithoutBreakingACharacter() {
        String text = "诉".repeat(2000);   // 6000 bytes
        String cut = WeComRobotChannel.cut(text, WeComRobotChannel.MAX_BYTES);
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= WeComRobotChannel.MAX_BYTES);
        assertTrue(cut.endsWith("诉…"), cut.substring(cut.length() - 3));
        assertEquals("short", WeComRobotChannel.cut("short", WeComRobotChannel.MAX_BYTES));
    }

    @Test
    void errorMessagesLoseUrlsAndSecretParameters() {
        String safe = RobotHttp.safe("Connect Error: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc123 failed; sign=xyz&timestamp=1");
        assertFalse(safe.contains("abc123") || safe.contains("xyz") || safe.contains("qyapi"), safe);
        assertEquals("Connect Error: <url> failed; sign=***&timestamp=***", safe);
    }
}
