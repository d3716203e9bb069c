package cn.mashang.archive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** CSV of an archive for Excel: UTF-8 with BOM, CRLF, fields quoted when needed, formula-looking text neutralised. */
final class ArchiveCsv {
    private ArchiveCsv() {
    }

    static String of(Archive a) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        line(sb, "代表", a.deputyName(), "年度", String.valueOf(a.year()));
        line(sb, "积分方案", a.schemeName() == null ? "（未设置）" : a.schemeName(), "总积分", a.totalPoints().toPlainString());
        line(sb);
        line(sb, "指标", "数值");
        var f = a.figures();
        line(sb, "进站履职（场次）", String.valueOf(f.sessionsAttended()));
        line(sb, "接待群众（人次）", String.valueOf(f.residentsReceived()));
        line(sb, "办结群众反映（件）", String.valueOf(f.concernsHandled()));
        line(sb, "首次响应中位数（工作日）", f.medianResponseDays() == null ? "" : f.medianResponseDays().toPlainString());
        line(sb, "评价件数", String.valueOf(f.ratedConcerns()));
        line(sb, "满意件数（含基本满意）", String.valueOf(f.satisfiedConcerns()));
        line(sb, "满意率", f.satisfactionRate() == null ? "" : f.satisfactionRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%");
        line(sb, "参加活动（次）", String.valueOf(f.activitiesJoined()));
        line(sb, "提出建议（件）", String.valueOf(f.suggestionsSubmitted()));
        line(sb, "建议办理满意（件）", String.valueOf(f.suggestionsSatisfied()));
        line(sb, "走访（次）", String.valueOf(f.visitsMade()));
        line(sb, "走访群众（人次）", String.valueOf(f.visitResidents()));
        line(sb);
        line(sb, "类别", "项目", "数量", "每项分值", "上限", "得分");
        for (Archive.ClassPoints c : a.classes()) {
            for (Archive.ItemPoints i : c.items()) {
                line(sb, c.name(), i.label(), plain(i.count()), plain(i.weight()), i.cap() == null ? "" : plain(i.cap()),
                        plain(i.points()));
            }
            line(sb, c.name(), "小计", "", "", "", plain(c.points()));
        }
        return sb.toString();
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder sb, String... fields) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            String v = f == null ? "" : f;
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
                v = "'" + v;
            }
            if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
                v = "\"" + v.replace("\"", "\"\"") + "\"";
            }
            out.add(v);
        }
        sb.append(String.join(",", out)).append("\r\n");
    }
}
