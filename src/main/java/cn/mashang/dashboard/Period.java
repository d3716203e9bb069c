package cn.mashang.dashboard;

import cn.mashang.common.ApiException;
import cn.mashang.common.InputWindow;
import cn.mashang.common.Times;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A period of whole days [from, to] in Asia/Shanghai, as given by ?from=&to= (yyyy-MM-dd). */
record Period(LocalDate from, LocalDate to) {
    static final int MAX_DAYS = 3 * 366;

    static Period parse(String from, String to, LocalDate today, int defaultDays) {
        LocalDate t = to == null || to.isBlank() ? today : date("to", to);
        LocalDate f = from == null || from.isBlank() ? t.minusDays(defaultDays - 1L) : date("from", from);
        if (f.isAfter(t)) {
            throw ApiException.badField("from", "开始日期不能晚于结束日期");
        }
        if (ChronoUnit.DAYS.between(f, t) > MAX_DAYS) {
            throw ApiException.badField("from", "统计区间最长三年");
        }
        return new Period(f, t);
    }

    private static LocalDate date(String field, String value) {
        return InputWindow.parseDay(field, value);
    }

    Instant start() {
        return from.atStartOfDay(Times.ZONE).toInstant();
    }

    /** Exclusive end: the start of the day after {@code to}. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(Times.ZONE).toInstant();
    }

    boolean contains(Instant t) {
        return t != null && !t.isBefore(start()) && t.isBefore(end());
    }
}
