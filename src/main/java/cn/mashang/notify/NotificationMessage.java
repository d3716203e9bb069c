package cn.mashang.notify;

import io.micronaut.serde.annotation.Serdeable;

/** What a notification says: a short title and a Markdown body (both robots render Markdown). */
@Serdeable
public record NotificationMessage(String title, String markdown) {
}
