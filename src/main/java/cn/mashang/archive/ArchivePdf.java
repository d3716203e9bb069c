package cn.mashang.archive;

import cn.mashang.common.PdfTextFlow;
import cn.mashang.common.Times;
import cn.mashang.common.TrueTypeSource;
import cn.mashang.qr.PosterFonts;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

/**
 * A deputy's yearly performance archive (履职档案) as an A4 PDF in the posters' CJK font ({@link PosterFonts}; 503
 * without one): the figures and the points of each class and item. {@link #open()} keeps the font open for many
 * archives in a row (the region's ZIP); each PDF is built alone and handed on, never all at once.
 */
@Singleton
class ArchivePdf {
    private static final float MARGIN = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final PosterFonts fonts;

    ArchivePdf(PosterFonts fonts) {
        this.fonts = fonts;
    }

    byte[] render(Archive a) {
        try (Renderer r = open()) {
            return r.render(a);
        }
    }

    /** A renderer holding the font file open until closed; 503 now when there is no CJK font. */
    Renderer open() {
        PosterFonts.CjkFont cjk = fonts.require();
        try {
            return new Renderer(TrueTypeSource.open(cjk.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class Renderer implements Closeable {
        private final TrueTypeSource source;

        private Renderer(TrueTypeSource source) {
            this.source = source;
        }

        byte[] render(Archive a) {
            try (PDDocument doc = new PDDocument()) {
                write(doc, PDType0Font.load(doc, source.font(), true), a);
                var out = new ByteArrayOutputStream(64 * 1024);
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                source.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void write(PDDocument doc, PDType0Font font, Archive a) throws IOException {
        doc.getDocumentInformation().setTitle("代表履职档案 " + a.deputyName() + " " + a.year());
        doc.getDocumentInformation().setCreator("码上联络");
        PdfTextFlow w = new PdfTextFlow(doc, font, MARGIN, 1.5f);
        w.line("代表履职档案", 18, Color.BLACK);
        w.gap(6);
        w.line("代表：" + a.deputyName() + "    年度：" + a.year(), 12, Color.BLACK);
        w.line("积分方案：" + ArchiveLines.scheme(a) + "    总积分：" + ArchiveLines.plain(a.totalPoints()), 12, Color.BLACK);
        w.gap(8);
        w.line("履职情况", 13, Color.BLACK);
        for (String[] f : ArchiveLines.figures(a)) {
            w.line(f[0] + "：" + (f[1].isEmpty() ? "—" : f[1]), 11, Color.DARK_GRAY);
        }
        w.gap(8);
        w.line("积分明细", 13, Color.BLACK);
        if (a.classes().isEmpty()) {
            w.line("本地区尚未设置积分方案。", 11, Color.DARK_GRAY);
        }
        for (Archive.ClassPoints c : a.classes()) {
            w.gap(4);
            w.line(c.name() + "（小计 " + ArchiveLines.plain(c.points()) + " 分）", 12, Color.BLACK);
            for (Archive.ItemPoints i : c.items()) {
                w.line("  " + i.label() + "：" + ArchiveLines.plain(i.count()) + " × " + ArchiveLines.plain(i.weight())
                        + (i.cap() == null ? "" : "（上限 " + ArchiveLines.plain(i.cap()) + "）") + " = "
                        + ArchiveLines.plain(i.points()) + " 分", 10, Color.DARK_GRAY);
            }
        }
        w.gap(12);
        w.line("生成时间：" + WHEN.format(Times.show(Times.now())) + "  码上联络", 9, Color.GRAY);
        w.close();
    }
}
