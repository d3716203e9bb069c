package cn.mashang.dashboard;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV for Excel: UTF-8 with a byte-order mark (so Excel opens Chinese correctly), CRLF, RFC 4180 quoting, and
 * cells that start with = + - @ (formula injection) prefixed with an apostrophe unless they are numbers. Shared by
 * the dashboards' and the reception roll-up's exports.
 */
public final class Csv {
    private final StringBuilder out = new StringBuilder("\uFEFF");

    public Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
        return this;
    }

    public Csv row(List<?> cells) {
        return row(cells.toArray());
    }

    /** One cell, quoted and guarded against formula injection. */
    public static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        if (!(v instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    public MutableHttpResponse<byte[]> response(String filename) {
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(out.toString().getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.of("text/csv;charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"dashboard.csv\"; filename*=UTF-8''" + encoded)
                .header("Cache-Control", "no-store");
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String pct(Double rate) {
        return rate == null ? "" : String.format("%.1f%%", rate * 100);
    }

    static String num(Double d) {
        return d == null ? "" : String.format("%.2f", d);
    }

    static String ci(Dtos.Interval i) {
        return i == null ? "" : String.format("%.1f%%–%.1f%%", i.low() * 100, i.high() * 100);
    }

    static final List<String> FIGURE_HEADERS = List.of("收到", "不予受理", "受理", "已响应", "已办结", "已评价", "满意及基本满意",
            "按期办结", "未办结超期", "响应率", "办结率", "满意率", "按期办结率", "首次响应中位数(工作日)", "首次响应P90",
            "办结用时中位数(工作日)", "办结用时P90");

    static List<Object> figures(Dtos.Figures f) {
        return List.of(f.received(), f.rejected(), f.handled(), f.responded(), f.resolved(), f.rated(), f.satisfied(),
                f.onTime(), f.openOverdue(), pct(f.responseRate()), pct(f.resolutionRate()), pct(f.satisfactionRate()),
                pct(f.onTimeRate()), num(f.firstResponse().median()), num(f.firstResponse().p90()),
                num(f.resolution().median()), num(f.resolution().p90()));
    }

    /** The department columns of the region CSV (table=departments): the ranking, small samples unranked. */
    static final List<String> DEPARTMENT_HEADERS = List.of("排名", "部门", "交办", "按期签收", "已答复", "按期答复", "退回",
            "延期申请", "在办", "在办超期", "按期答复率", "按期答复率95%区间", "答复用时中位数(工作日)", "答复用时P90", "样本少");

    static void departments(Csv csv, List<Dtos.DepartmentRank> rows) {
        csv.row(DEPARTMENT_HEADERS.toArray());
        for (Dtos.DepartmentRank r : rows) {
            csv.row(r.rank() == null ? "" : r.rank(), r.name(), r.referrals(), r.signedOnTime(), r.answered(),
                    r.answeredOnTime(), r.returned(), r.extensions(), r.open(), r.openOverdue(), pct(r.answeredOnTimeRate()),
                    ci(r.answeredOnTimeCi()), num(r.medianDaysToAnswer()), num(r.p90DaysToAnswer()),
                    r.fewSamples() ? "样本少" : "");
        }
    }
}
