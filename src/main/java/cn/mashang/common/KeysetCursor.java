package cn.mashang.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The one opaque keyset position of the cursor-paged lists (staff queues, the department inbox, the region's overdue
 * queue): a time and an id, URL-safe Base64; a cursor that does not parse answers 400 naming {@code cursor}.
 */
public record KeysetCursor(Instant at, long id) {
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at.toEpochMilli() + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    public static KeysetCursor parse(String s) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.US_ASCII).split(":");
            return new KeysetCursor(Instant.ofEpochMilli(Long.parseLong(p[0])), Long.parseLong(p[1]));
        } catch (RuntimeException e) {
            throw ApiException.badField("cursor", "无效的翻页位置，请从第一页重新加载");
        }
    }

    /** The cursor of a query parameter, or null for the first page. */
    public static KeysetCursor of(String cursor) {
        return cursor == null || cursor.isBlank() ? null : parse(cursor);
    }
}
