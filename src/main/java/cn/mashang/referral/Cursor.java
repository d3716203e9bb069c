package cn.mashang.referral;

import cn.mashang.common.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** An opaque keyset position (a time and an id) for the referral lists. */
record Cursor(Instant at, long id) {
    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at.toEpochMilli() + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    static Cursor parse(String s) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.US_ASCII).split(":");
            return new Cursor(Instant.ofEpochMilli(Long.parseLong(p[0])), Long.parseLong(p[1]));
        } catch (RuntimeException e) {
            throw ApiException.badField("cursor", "无效的翻页位置，请从第一页重新加载");
        }
    }
}
