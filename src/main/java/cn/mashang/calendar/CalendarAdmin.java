package cn.mashang.calendar;

import cn.mashang.sla.SlaInputsChanged;
import cn.mashang.common.ApiException;
import io.micronaut.http.HttpStatus;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Lists, replaces and imports a year's special days, with validation; the logic behind the admin API. */
@Singleton
public class CalendarAdmin {
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MAX_DAYS = 120;
    static final int MAX_ERRORS = 20;

    private final CalendarStore store;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher<SlaInputsChanged> changed;

    CalendarAdmin(CalendarStore store, WorkingCalendar calendar, ApplicationEventPublisher<SlaInputsChanged> changed) {
        this.store = store;
        this.calendar = calendar;
        this.changed = changed;
    }

    public CalendarYearView get(int year) {
        checkYear(year);
        List<SpecialDay> days = store.rows(year).stream().map(d -> new SpecialDay(d.calDate(), d.kind(), d.name())).toList();
        return new CalendarYearView(year, calendar.hasCalendar(year), store.source(year), days);
    }

    /** Replaces the year's special days (an empty list = a loaded year without holidays). 400 on any invalid day. */
    public CalendarYearView replace(int year, CalendarYearView.Replace body) {
        checkYear(year);
        List<SpecialDay> days = body == null || body.days() == null ? List.of() : body.days();
        List<Map<String, Object>> errors = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size() && errors.size() < MAX_ERRORS; i++) {
            String problem = check(year, days.get(i), seen);
            if (problem != null) {
                errors.add(Map.of("field", "days[" + i + "]", "message", problem));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "请求参数有误",
                    errors.get(0).get("field") + ": " + errors.get(0).get("message"), Map.of("errors", errors));
        }
        String source = body == null || body.source() == null || body.source().isBlank() ? null : body.source().strip();
        if (source != null && source.length() > 255) {
            throw ApiException.badField("source", "不能超过 255 个字符");
        }
        return save(year, days, source);
    }

    /** Imports {@code date,kind,name} lines (header line first; UTF-8, BOM tolerated) and replaces the year. */
    public CalendarYearView importCsv(int year, byte[] body) {
        checkYear(year);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("文件不是 UTF-8 编码，请另存为 UTF-8 CSV 后重试");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        if (lines.length == 0 || !lines[0].strip().replace(" ", "").equalsIgnoreCase("date,kind,name")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "请求参数有误", "第 1 行：表头应为 date,kind,name",
                    Map.of("errors", List.of(Map.of("line", 1, "message", "表头应为 date,kind,name"))));
        }
        List<SpecialDay> days = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 1; i < lines.length && errors.size() < MAX_ERRORS; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            String[] f = line.split(",", -1);
            String problem;
            SpecialDay day = null;
            if (f.length != 3) {
                problem = "应有 3 列（date,kind,name），实际 " + f.length + " 列";
            } else {
                day = parse(f[0].strip(), f[1].strip(), f[2].strip());
                problem = day == null ? "日期格式应为 yyyy-MM-dd，类型应为 HOLIDAY/放假 或 WORKDAY/上班" : check(year, day, seen);
            }
            if (problem != null) {
                errors.add(Map.of("line", lineNo, "message", problem));
            } else {
                days.add(day);
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "请求参数有误",
                    "第 " + errors.get(0).get("line") + " 行：" + errors.get(0).get("message"), Map.of("errors", errors));
        }
        return save(year, days, "CSV 导入");
    }

    private CalendarYearView save(int year, List<SpecialDay> days, String source) {
        List<CalendarDay> rows = days.stream().sorted(Comparator.comparing(SpecialDay::date))
                .map(d -> new CalendarDay(null, d.date(), year, d.kind(), d.name().strip())).toList();
        try {
            store.replaceYear(year, rows, source);
        } finally {
            store.invalidate();
            calendar.forget();
        }
        changed.publishEvent(new SlaInputsChanged("calendar"));
        return get(year);
    }

    private static SpecialDay parse(String date, String kind, String name) {
        try {
            DayKind k = switch (kind.toUpperCase(Locale.ROOT)) {
                case "HOLIDAY", "放假", "休" -> DayKind.HOLIDAY;
                case "WORKDAY", "上班", "班" -> DayKind.WORKDAY;
                default -> null;
            };
            return k == null || cn.mashang.common.Text.problem(name) != null ? null
                    : new SpecialDay(LocalDate.parse(date), k, name);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Null when the day is valid for the year; else the reason (Chinese). Adds the date to seen. */
    private static String check(int year, SpecialDay d, Set<LocalDate> seen) {
        if (d == null || d.date() == null) {
            return "缺少日期";
        }
        if (d.kind() == null) {
            return "缺少类型（HOLIDAY 或 WORKDAY）";
        }
        if (d.name() == null || d.name().isBlank()) {
            return "缺少名称（如 春节）";
        }
        if (d.name().strip().length() > 64) {
            return "名称不能超过 64 个字符";
        }
        if (d.date().getYear() != year) {
            return d.date() + " 不在 " + year + " 年内";
        }
        DayOfWeek dow = d.date().getDayOfWeek();
        if (d.kind() == DayKind.WORKDAY && dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
            return d.date() + " 是工作日，调休上班（WORKDAY）只能设在周六或周日";
        }
        if (!seen.add(d.date())) {
            return d.date() + " 重复";
        }
        if (seen.size() > MAX_DAYS) {
            return "一年最多 " + MAX_DAYS + " 个特殊日期";
        }
        return null;
    }

    private static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw ApiException.badField("year", "应在 " + MIN_YEAR + " 到 " + MAX_YEAR + " 之间");
        }
    }

    /** The dashboard's calendar status for today (Asia/Shanghai). */
    public CalendarStatus status() {
        LocalDate today = calendar.today();
        int year = today.getYear();
        boolean has = calendar.hasCalendar(year);
        String warning = has ? null : year + " 年的节假日与调休安排尚未录入：期限暂按周一至周五计算，请管理员在“工作日历”中录入或导入。";
        return new CalendarStatus(year, today, has, calendar.isWorkingDay(today), warning);
    }
}
