package cn.mashang.concern.work;

import cn.mashang.concern.lifecycle.ConcernLifecycle;
import cn.mashang.auth.Scopes;
import cn.mashang.common.Times;
import cn.mashang.common.PdfTextFlow;
import cn.mashang.common.TrueTypeSource;
import cn.mashang.qr.PosterFonts;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The record (档案) of one concern as an A4 PDF, set in the CJK font the posters use ({@link PosterFonts}; 503
 * without one): the concern, its handling and the full timeline, internal rows marked 〔内部〕. The resident's
 * mobile number stays masked.
 */
@Singleton
class ConcernRecordPdf {
    private static final float MARGIN = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final PosterFonts fonts;
    private final Scopes scopes;

    ConcernRecordPdf(PosterFonts fonts, Scopes scopes) {
        this.fonts = fonts;
        this.scopes = scopes;
    }

    void requireManage(Authentication auth, long stationId) {
        scopes.requireManageStation(auth, stationId, ConcernLifecycle.WHAT);
    }

    byte[] render(ConcernDetail d) {
        PosterFonts.CjkFont cjk = fonts.require();
        try (PDDocument doc = new PDDocument(); TrueTypeSource source = TrueTypeSource.open(cjk.file())) {
            PDType0Font font = PDType0Font.load(doc, source.font(), true);
            doc.getDocumentInformation().setTitle("反映办理档案 " + d.trackingNo());
            doc.getDocumentInformation().setCreator("码上联络");
            PdfTextFlow w = new PdfTextFlow(doc, font, MARGIN, 1.5f);
            w.line("反映办理档案", 18, Color.BLACK);
            w.gap(6);
            w.line("编号：" + d.trackingNo() + "    状态：" + d.stateLabel(), 11, Color.BLACK);
            w.line("联络站：" + d.stationName(), 11, Color.BLACK);
            w.line("分类：" + d.category() + "    渠道：" + d.channel() + "    提交：" + when(d.createdAt()), 11, Color.BLACK);
            if (d.contactName() != null || d.mobileMasked() != null) {
                w.line("联系人：" + nz(d.contactName()) + " " + nz(d.mobileMasked()), 11, Color.BLACK);
            }
            if (d.address() != null) {
                w.line("地址：" + d.address(), 11, Color.BLACK);
            }
            if (d.location() != null) {
                w.line("位置：" + d.location().summary(), 11, Color.BLACK);
            }
            if (d.deputyName() != null) {
                w.line("反映对象：" + d.deputyName() + " 代表", 11, Color.BLACK);
            }
            if (d.assigneeName() != null) {
                w.line("承办代表：" + d.assigneeName(), 11, Color.BLACK);
            }
            if (d.departmentName() != null) {
                w.line("交办部门：" + d.departmentName() + "    办理期限：" + when(d.departmentDeadline()), 11, Color.BLACK);
            }
            if (d.outcomeLabel() != null) {
                w.line("办理结果：" + d.outcomeLabel() + "    办结：" + when(d.resolvedAt()), 11, Color.BLACK);
            }
            if (d.mergedInto() != null) {
                w.line("合并到：" + d.mergedInto().trackingNo(), 11, Color.BLACK);
            }
            if (d.ratingLabel() != null) {
                w.line("群众评价：" + d.ratingLabel() + (d.ratingComment() == null ? "" : "（" + d.ratingComment() + "）"),
                        11, Color.BLACK);
            }
            w.line("重新办理次数：" + d.reopenCount() + "    我也反映：" + d.meTooCount(), 11, Color.BLACK);
            w.gap(8);
            w.line("反映内容", 13, Color.BLACK);
            w.line(d.content(), 11, Color.DARK_GRAY);
            w.gap(8);
            w.line("办理过程", 13, Color.BLACK);
            for (ConcernDetail.Event e : d.timeline()) {
                String who = nz(e.actorName()) + (e.actorRoleLabel() == null ? "" : "·" + e.actorRoleLabel());
                String move = e.fromState() != null && e.toState() != null && !e.fromState().equals(e.toState())
                        ? "  " + e.fromStateLabel() + " → " + e.toStateLabel() : "";
                w.gap(4);
                w.line(when(e.at()) + "  " + e.label() + (e.internal() ? "〔内部〕" : "") + "  " + who + move, 10,
                        e.internal() ? new Color(150, 90, 0) : Color.BLACK);
                if (e.body() != null) {
                    w.line(e.body(), 10, Color.DARK_GRAY);
                }
            }
            w.gap(12);
            w.line("生成时间：" + when(Times.show(Times.now())) + "  码上联络", 9, Color.GRAY);
            w.close();
            var out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String when(OffsetDateTime t) {
        return t == null ? "—" : WHEN.format(t);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
