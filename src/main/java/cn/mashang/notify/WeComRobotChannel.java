package cn.mashang.notify;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * 企业微信 group robot: POST {"msgtype":"markdown","markdown":{"content":"…"}} to the webhook named by the target
 * ({@code notify.wecom.webhooks.<name>}). WeCom caps markdown content at 4096 bytes; longer bodies are cut.
 */
@Singleton
class WeComRobotChannel implements NotificationChannel {
    static final int MAX_BYTES = 4096;
    /** 93000 invalid webhook url (wrong/removed key). */
    private static final Set<Integer> PERMANENT = Set.of(93000);

    private final NotifyConfig.WeCom config;
    private final RobotHttp http;

    WeComRobotChannel(NotifyConfig.WeCom config, RobotHttp http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public Channel channel() {
        return Channel.WECOM;
    }

    @Override
    public void send(String target, NotificationMessage message) throws DeliveryException {
        String url = config.webhooks().get(target);
        if (url == null || url.isBlank()) {
            throw new DeliveryException("no WeCom webhook named " + target, true);
        }
        String content = "### " + message.title() + "\n" + (message.markdown() == null ? "" : message.markdown());
        http.post(url, Map.of("msgtype", "markdown", "markdown", Map.of("content", cut(content, MAX_BYTES))), PERMANENT);
    }

    /** Cuts a string to at most maxBytes of UTF-8 (ending with …) without splitting a character. */
    static String cut(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int used = 3; // the ellipsis
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (used + n > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            used += n;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }
}
