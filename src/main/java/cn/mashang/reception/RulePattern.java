package cn.mashang.reception;

import cn.mashang.common.ApiException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When a reception rule falls, before any holiday move: MONTHLY_DAY {@code dayOfMonth} (the last day of a shorter
 * month: 31 → 30 April), WEEKLY {@code dayOfWeek} (1=Mon … 7=Sun), MONTHLY_WEEKDAY {@code dayOfWeek} and
 * {@code weekOfMonth} (1–4, or {@link #LAST} = -1 for the last one of the month). The one place that knows which
 * fields a kind needs, its nominal dates and its words (每月5日, 每周三, 每月第一个周三, 每月最后一个周五).
 */
record RulePattern(RuleKind kind, Integer dayOfMonth, Integer dayOfWeek, Integer weekOfMonth) {
    static final int LAST = -1;
    private static final Map<Integer, String> ORDINALS = ordinals();

    /** The pattern of the given fields, keeping only those the kind uses; 400 naming a missing or wrong field. */
    static RulePattern of(RuleKind kind, Integer dayOfMonth, Integer dayOfWeek, Integer weekOfMonth) {
        return switch (kind) {
            case MONTHLY_DAY -> {
                if (dayOfMonth == null || dayOfMonth < 1 || dayOfMonth > 31) {
                    throw ApiException.badField("dayOfMonth", "每月接待日请填写日期（1–31）");
                }
                yield new RulePattern(kind, dayOfMonth, null, null);
            }
            case WEEKLY -> new RulePattern(kind, null, weekday(dayOfWeek), null);
            case MONTHLY_WEEKDAY -> {
                int dow = weekday(dayOfWeek);
                if (weekOfMonth == null || !ORDINALS.containsKey(weekOfMonth)) {
                    throw ApiException.badField("weekOfMonth", "请选择每月第几个（1–4，或 -1 表示最后一个）");
                }
                yield new RulePattern(kind, null, dow, weekOfMonth);
            }
        };
    }

    private static int weekday(Integer dayOfWeek) {
        if (dayOfWeek == null || dayOfWeek < 1 || dayOfWeek > 7) {
            throw ApiException.badField("dayOfWeek", "请填写星期（1=周一 … 7=周日）");
        }
        return dayOfWeek;
    }

    /** The nominal dates in [from, to] (inclusive), in order. */
    List<LocalDate> nominalDates(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        if (kind == RuleKind.WEEKLY) {
            DayOfWeek dow = DayOfWeek.of(dayOfWeek);
            for (LocalDate d = from.with(TemporalAdjusters.nextOrSame(dow)); !d.isAfter(to); d = d.plusWeeks(1)) {
                out.add(d);
            }
            return out;
        }
        for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
            LocalDate d = inMonth(m);
            if (!d.isBefore(from) && !d.isAfter(to)) {
                out.add(d);
            }
        }
        return out;
    }

    private LocalDate inMonth(YearMonth m) {
        if (kind == RuleKind.MONTHLY_DAY) {
            return m.atDay(Math.min(dayOfMonth, m.lengthOfMonth()));
        }
        DayOfWeek dow = DayOfWeek.of(dayOfWeek);
        return weekOfMonth == LAST ? m.atEndOfMonth().with(TemporalAdjusters.lastInMonth(dow))
                : m.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(weekOfMonth, dow));
    }

    /** 每月5日, 每周三, 每月第一个周三, 每月最后一个周五. */
    String text() {
        return switch (kind) {
            case MONTHLY_DAY -> "每月" + dayOfMonth + "日";
            case WEEKLY -> "每" + weekdayName(dayOfWeek);
            case MONTHLY_WEEKDAY -> "每月" + ORDINALS.get(weekOfMonth) + weekdayName(dayOfWeek);
        };
    }

    static String weekdayName(int dayOfWeek) {
        return DayOfWeek.of(dayOfWeek).getDisplayName(TextStyle.FULL, Locale.CHINA).replace("星期", "周");
    }

    /** 1 → 第一个 … 4 → 第四个, -1 → 最后一个 (the choices of weekOfMonth, in order). */
    static Map<Integer, String> ordinals() {
        Map<Integer, String> out = new LinkedHashMap<>();
        String[] words = {"一", "二", "三", "四"};
        for (int i = 0; i < words.length; i++) {
            out.put(i + 1, "第" + words[i] + "个");
        }
        out.put(LAST, "最后一个");
        return out;
    }
}
