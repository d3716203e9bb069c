package cn.mashang.wechat;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.resident.PiiCrypto;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The {@code state} of 网页授权 and the {@code reserved} of 一次性订阅消息: WeChat hands them back unchanged, and
 * both allow only [a-zA-Z0-9], at most 128 bytes. Format {@code <expiry>x<nonce>x<mac>}, the mac a keyed hash
 * (PiiCrypto) over purpose, device and subject, so a state made for one device, concern or flow is refused for
 * any other (login CSRF: a victim's code never binds an attacker's device).
 */
@Singleton
class WeChatState {
    private final PiiCrypto crypto;
    private final WeChatConfig config;
    private final SecureRandom random = new SecureRandom();

    WeChatState(PiiCrypto crypto, WeChatConfig config) {
        this.crypto = crypto;
        this.config = config;
    }

    String issue(String purpose, String deviceId, String subject) {
        return issue(purpose, deviceId, subject, Times.now().plus(config.stateTtl()));
    }

    String issue(String purpose, String deviceId, String subject, java.time.Instant until) {
        long expiry = until.getEpochSecond();
        byte[] nonce = new byte[8];
        random.nextBytes(nonce);
        String head = expiry + "x" + letters(HexFormat.of().formatHex(nonce));
        return head + "x" + mac(purpose, deviceId, subject, head);
    }

    /** 400 unless the value was issued for this purpose, device and subject and has not expired. */
    void check(String value, String purpose, String deviceId, String subject) {
        if (value == null || value.length() > 128 || !value.matches("\\d{1,12}x[a-p]{16}x[a-p]{32}")) {
            throw invalid();
        }
        int cut = value.lastIndexOf('x');
        String head = value.substring(0, cut);
        boolean same = MessageDigest.isEqual(value.substring(cut + 1).getBytes(StandardCharsets.US_ASCII),
                mac(purpose, deviceId, subject, head).getBytes(StandardCharsets.US_ASCII));
        long expiry = Long.parseLong(head.substring(0, head.indexOf('x')));
        if (!same || expiry <= Times.now().getEpochSecond()) {
            throw invalid();
        }
    }

    private String mac(String purpose, String deviceId, String subject, String head) {
        return letters(crypto.hmac("wechat-state|" + purpose + "|" + deviceId + "|" + subject + "|" + head).substring(0, 32));
    }

    /** Hex written with the letters a–p only: no run of digits in a state ever looks like a mobile number. */
    private static String letters(String hex) {
        StringBuilder out = new StringBuilder(hex.length());
        for (char c : hex.toCharArray()) {
            out.append(c <= '9' ? (char) ('a' + (c - '0')) : (char) (c - 'a' + 'a' + 10));
        }
        return out.toString();
    }

    private static ApiException invalid() {
        return ApiException.badField("state", "微信授权已过期或不属于此手机，请重新打开页面");
    }
}
