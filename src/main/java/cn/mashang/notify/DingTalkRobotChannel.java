package cn.mashang.notify;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * 钉钉 group robot: POST {"msgtype":"markdown","markdown":{"title":…,"text":…}} to the webhook named by the target
 * ({@code notify.dingtalk.webhooks.<name>}). With a secret ({@code notify.dingtalk.secrets.<name>}, 加签) the URL
 * gets {@code timestamp} (ms) and {@code sign = urlEncode(base64(HmacSHA256(secret, timestamp + "\n" + secret)))}.
 */
@Singleton
class DingTalkRobotChannel implements NotificationChannel {
    /** 310000: signature, keyword or IP check failed — retrying the same message cannot help. */
    private static final Set<Integer> PERMANENT = Set.of(310000);

    private final NotifyConfig.DingTalk config;
    private final RobotHttp http;

    DingTalkRobotChannel(NotifyConfig.DingTalk config, RobotHttp http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public Channel channel() {
        return Channel.DINGTALK;
    }

    @Override
    public void send(String target, NotificationMessage message) throws DeliveryException {
        String url = config.webhooks().get(target);
        if (url == null || url.isBlank()) {
            throw new DeliveryException("no DingTalk webhook named " + target, true);
        }
        String secret = config.secrets().get(target);
        if (secret != null && !secret.isBlank()) {
            long timestamp = System.currentTimeMillis();
            url = url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + sign(timestamp, secret);
        }
        String text = "### " + message.title() + "\n" + (message.markdown() == null ? "" : message.markdown());
        http.post(url, Map.of("msgtype", "markdown", "markdown", Map.of("title", message.title(), "text", text)), PERMANENT);
    }

    /** The URL-encoded 加签 signature of a timestamp (milliseconds). */
    static String sign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
