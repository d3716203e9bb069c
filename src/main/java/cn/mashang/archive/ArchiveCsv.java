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
        line(sb, "积分方案", ArchiveLines.scheme(a), "总积分", a.totalPoints().toPlainString());
        line(sb);
        line(sb, "指标", "数值");
        for (String[] f : ArchiveLines.figures(a)) {
            line(sb, f);
        }
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
        return ArchiveLines.plain(d);
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
