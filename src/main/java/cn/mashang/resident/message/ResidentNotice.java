package cn.mashang.resident.message;

import cn.mashang.notify.NotificationMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a resident is told: which item ({@code what}: 反映 / 接待预约 / 验证码), its reference (tracking number or
 * booking code), the new state and a link. Never content, names or a phone number. Template channels get the
 * parameters {@code no}, {@code state} and {@code link} (a one-time code: {@code code} only).
 */
public record ResidentNotice(String what, String ref, String state, String link) {
    public NotificationMessage message() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("no", ref);
        params.put("state", state);
        params.put("link", link);
        return new NotificationMessage("码上联络：" + what + " " + ref + " " + state,
                "您的" + what + " " + ref + " " + state + "。查看：" + link, params);
    }

    /** The message of a one-time code of "找回我的反映". */
    public static NotificationMessage code(String code) {
        return new NotificationMessage("码上联络：验证码", "您的验证码为 " + code + "，5 分钟内有效。", Map.of("code", code));
    }
}
