package cn.mashang.referral;

import cn.mashang.AppConfig;
import cn.mashang.common.Times;
import cn.mashang.common.PdfTextFlow;
import cn.mashang.common.TrueTypeSource;
import cn.mashang.concern.Concern;
import cn.mashang.department.Department;
import cn.mashang.qr.PosterFonts;
import cn.mashang.qr.QrRenderer;
import cn.mashang.station.Station;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

/**
 * The referral letter (交办函) of a concern's referral as one A4 PDF page in the posters' CJK font
 * ({@link PosterFonts}; 503 without one): its number, the station, the concern, the deadlines, the station's
 * contact and a QR code to the department's view of it. The resident's name and masked mobile only when the
 * station shared them on this referral; never the full number.
 */
@Singleton
class ReferralLetterPdf {
    private static final float MARGIN = 56;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private final PosterFonts fonts;
    private final QrRenderer qr;
    private final AppConfig app;

    ReferralLetterPdf(PosterFonts fonts, QrRenderer qr, AppConfig app) {
        this.fonts = fonts;
        this.qr = qr;
        this.app = app;
    }

    /** The letter's number: year of the referral and the referral's id. */
    static String number(Referral r) {
        return "交办〔" + r.referredAt().atZone(Times.ZONE).getYear() + "〕第 " + r.id() + " 号";
    }

    String link(Concern c) {
        return app.publicBaseUrl() + "/dept/concerns/" + c.id();
    }

    byte[] render(Concern c, Referral r, Station s, Department d) {
        PosterFonts.CjkFont cjk = fonts.require();
        try (PDDocument doc = new PDDocument(); TrueTypeSource source = TrueTypeSource.open(cjk.file())) {
            PDType0Font font = PDType0Font.load(doc, source.font(), true);
            doc.getDocumentInformation().setTitle("交办函 " + c.trackingNo());
            doc.getDocumentInformation().setCreator("码上联络");
            try (PdfTextFlow flow = new PdfTextFlow(doc, font, MARGIN, 1.6f)) {
                Line w = (text, size) -> flow.line(text, size, Color.BLACK);
                w.line("人大代表联络站 交办函", 20);
                w.line(number(r), 12);
                flow.gap(8);
                w.line(d.name() + "：", 13);
                w.line("    " + s.name() + "收到群众反映（编号 " + c.trackingNo() + "，分类：" + c.category()
                        + "），现交由你单位办理，请于 " + DAY.format(r.signDue().atZone(Times.ZONE)) + " 前签收，于 "
                        + DAY.format(r.deadline().atZone(Times.ZONE)) + " 前答复。如不属于你单位职责，请在签收期限内"
                        + "说明理由和法律政策依据后退回；确需延期的，请在办理期限届满前申请。", 12);
                flow.gap(6);
                w.line("反映内容：", 12);
                w.line(c.content(), 11);
                if (c.address() != null) {
                    w.line("地址：" + c.address(), 11);
                }
                if (r.shareContact() && c.mobileMasked() != null) {
                    w.line("群众联系人：" + (c.contactName() == null ? "" : c.contactName()) + " " + c.mobileMasked()
                            + "（完整号码请在系统中查看，查看留痕）", 11);
                }
                flow.gap(6);
                w.line("联络站：" + s.name(), 11);
                w.line("地址：" + s.address() + (s.publicPhone() == null ? "" : "    电话：" + s.publicPhone()), 11);
                w.line("扫码或登录码上联络办理：" + link(c), 10);
                byte[] png = qr.png(link(c), 360);
                PDImageXObject image = PDImageXObject.createFromByteArray(doc, png, "qr");
                float side = 120;
                flow.page().drawImage(image, PDRectangle.A4.getWidth() - MARGIN - side, flow.y() - side - 12, side, side);
                flow.gap(side + 24);
                w.line(s.name() + "    " + DAY.format(r.referredAt().atZone(Times.ZONE)), 12);
            }
            var bytes = new ByteArrayOutputStream(64 * 1024);
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Line {
        void line(String text, float size) throws IOException;
    }
}
