package cn.mashang.archive;

import java.math.BigDecimal;
import java.util.List;

/** The archive's figures in words (label, value), once for the CSV and the PDF. */
final class ArchiveLines {
    private ArchiveLines() {
    }

    static List<String[]> figures(Archive a) {
        Archive.Figures f = a.figures();
        return List.of(
                new String[]{"进站履职（场次）", String.valueOf(f.sessionsAttended())},
                new String[]{"接待群众（人次）", String.valueOf(f.residentsReceived())},
                new String[]{"办结群众反映（件）", String.valueOf(f.concernsHandled())},
                new String[]{"首次响应中位数（工作日）", f.medianResponseDays() == null ? "" : f.medianResponseDays().toPlainString()},
                new String[]{"评价件数", String.valueOf(f.ratedConcerns())},
                new String[]{"满意件数（含基本满意）", String.valueOf(f.satisfiedConcerns())},
                new String[]{"满意率", f.satisfactionRate() == null ? ""
                        : f.satisfactionRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%"},
                new String[]{"参加活动（次）", String.valueOf(f.activitiesJoined())},
                new String[]{"提出建议（件）", String.valueOf(f.suggestionsSubmitted())},
                new String[]{"建议办理满意（件）", String.valueOf(f.suggestionsSatisfied())},
                new String[]{"走访（次）", String.valueOf(f.visitsMade())},
                new String[]{"走访群众（人次）", String.valueOf(f.visitResidents())});
    }

    static String scheme(Archive a) {
        return a.schemeName() == null ? "（未设置）" : a.schemeName();
    }

    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
