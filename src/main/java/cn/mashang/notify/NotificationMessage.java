package cn.mashang.notify;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * What a notification says: a short title and a Markdown body (both robots render Markdown), and for template
 * channels (SMS, WeChat subscription messages) the template's parameters.
 */
@Serdeable
public record NotificationMessage(String title, String markdown, @Nullable Map<String, String> params) {
    @Creator
    public NotificationMessage {
        params = params == null ? null : Map.copyOf(params);
    }

    public NotificationMessage(String title, String markdown) {
        this(title, markdown, null);
    }
}
