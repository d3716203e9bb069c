package cn.mashang.ledger;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the committee's ledger (台账), in {@link #HEADERS} order. Never the resident's mobile, name or
 * address; a run of 7 or more digits the resident typed into the content (a phone, an ID card number) is masked.
 * Instants stay instants: the writers format them (a date cell in .xlsx, Asia/Shanghai text in CSV).
 */
record LedgerRow(String trackingNo, Instant received, @Nullable Instant firstResponse, @Nullable Instant resolved,
                 @Nullable Instant closed, String region, String station, @Nullable String deputy, String category,
                 String content, String state, @Nullable String department, @Nullable Instant firstResponseDue,
                 @Nullable Instant departmentDue, @Nullable Instant resolutionDue, String onTime, @Nullable String outcome,
                 @Nullable String rating) {
    static final List<String> HEADERS = List.of("受理编号", "提交时间", "首次响应时间", "办结时间", "结束时间", "所在地区",
            "联络站", "代表", "类别", "反映内容", "状态", "承办部门", "首次响应期限", "部门办理期限", "办结期限", "是否按期",
            "办理结果", "评价");
    /** Column widths of the .xlsx (characters). */
    static final int[] WIDTHS = {22, 17, 17, 17, 17, 14, 22, 10, 12, 60, 12, 22, 17, 17, 17, 12, 18, 10};

    private static final Pattern DIGITS = Pattern.compile("(?<!\\d)\\d{7,}(?!\\d)");

    List<Object> cells() {
        return Arrays.asList(trackingNo, received, firstResponse, resolved, closed, region, station, deputy, category,
                content, state, department, firstResponseDue, departmentDue, resolutionDue, onTime, outcome, rating);
    }

    /** The content with every run of 7+ digits masked: 13812345678 → 138****5678, 1234567 → 12****67. */
    static String masked(String content) {
        Matcher m = DIGITS.matcher(content);
        if (!m.find()) {
            return content;
        }
        StringBuilder out = new StringBuilder();
        do {
            String d = m.group();
            int keep = d.length() >= 11 ? 3 : 2;
            int tail = d.length() >= 11 ? 4 : 2;
            m.appendReplacement(out, d.substring(0, keep) + "****" + d.substring(d.length() - tail));
        } while (m.find());
        return m.appendTail(out).toString();
    }
}
