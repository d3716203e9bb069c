package cn.mashang.concern.lifecycle;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Validation of the fields staff type into life-cycle actions (texts, deadlines). */
final class ActionInput {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final int MAX_TEXT = 2000;

    private ActionInput() {
    }

    static Instant endOf(LocalDate day, String field, Instant now) {
        // 23:59:59 of that day in whole seconds (MariaDB through Connector/J may drop fractions)
        Instant end = day.plusDays(1).atStartOfDay(Times.ZONE).toInstant().minusSeconds(1);
        if (!end.isAfter(now)) {
            throw ApiException.badField(field, "期限不能早于今天");
        }
        if (day.isAfter(LocalDate.now(Times.ZONE).plusYears(1))) {
            throw ApiException.badField(field, "期限不能超过一年");
        }
        return end;
    }

    static String day(Instant t) {
        return DAY.format(t.atZone(Times.ZONE));
    }

    static String clean(@Nullable String text, boolean required) {
        return clean(text, required, "text");
    }

    /** The stripped text of {@code field}, or 400 naming it (missing when required, or too long). */
    static String clean(@Nullable String text, boolean required, String field) {
        String t = text == null ? null : text.strip();
        if (t == null || t.isEmpty()) {
            if (required) {
                throw ApiException.badField(field, "请填写内容");
            }
            return null;
        }
        if (t.length() > MAX_TEXT) {
            throw ApiException.badField(field, "不能超过 " + MAX_TEXT + " 字");
        }
        return t;
    }
}
