package cn.mashang.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

/**
 * The one window for dates and times typed by anyone: from {@link #EARLIEST} (2000-01-01) to today + 5 years
 * (Asia/Shanghai). Every date/time in a JSON body ({@link WindowedTemporalDeserializers}), in a query value
 * ({@link WindowedTemporalConverters}) or parsed by hand (CSV, dashboard periods) goes through {@link #check}, so
 * nothing like +999999999-12-31 reaches a computation or the database; features narrow it further where it
 * matters (deadlines within a year, …). A date outside is a 400 naming the field.
 */
public final class InputWindow {
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final int YEARS_AHEAD = 5;

    private InputWindow() {
    }

    public static LocalDate latest() {
        return LocalDate.now(Times.ZONE).plusYears(YEARS_AHEAD);
    }

    /** The value unchanged, or a 400 naming {@code field} when its day (in Asia/Shanghai) lies outside. */
    public static <T extends Temporal> T check(String field, T value) {
        if (value == null) {
            return null;
        }
        LocalDate day;
        try {
            day = day(value);
        } catch (java.time.DateTimeException beyondAnyCalendar) {
            day = LocalDate.MAX;
        }
        LocalDate latest = latest();
        if (day.isBefore(EARLIEST) || day.isAfter(latest)) {
            throw ApiException.badField(field, "日期应在 " + EARLIEST + " 至 " + latest + " 之间");
        }
        return value;
    }

    private static LocalDate day(Temporal value) {
        return switch (value) {
            case LocalDate d -> d;
            case LocalDateTime t -> t.toLocalDate();
            case OffsetDateTime t -> t.atZoneSameInstant(Times.ZONE).toLocalDate();
            case ZonedDateTime t -> t.withZoneSameInstant(Times.ZONE).toLocalDate();
            case Instant t -> t.atZone(Times.ZONE).toLocalDate();
            default -> throw new IllegalArgumentException("not a date or time: " + value.getClass());
        };
    }

    /** A yyyy-MM-dd text parsed and checked, or a 400 naming {@code field}. */
    public static LocalDate parseDay(String field, String text) {
        try {
            return check(field, LocalDate.parse(text.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badField(field, "日期格式应为 yyyy-MM-dd");
        }
    }
}
