package cn.mashang.common;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one text layout of the printed A4 documents (the concern's 档案, the 交办函): wrapped lines in the CJK font
 * flowing down the pages from the top margin, a new page when one is full; characters the font cannot show
 * (emoji, controls) become "?" instead of failing the document.
 */
public final class PdfTextFlow implements AutoCloseable {
    private final PDDocument doc;
    private final PDType0Font font;
    private final float margin;
    private final float width;
    private final float leading;
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    private PDPageContentStream out;
    private float y;

    /** @param leading line height as a multiple of the font size */
    public PdfTextFlow(PDDocument doc, PDType0Font font, float margin, float leading) throws IOException {
        this.doc = doc;
        this.font = font;
        this.margin = margin;
        this.width = PDRectangle.A4.getWidth() - 2 * margin;
        this.leading = leading;
        newPage();
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - margin;
    }

    /** The baseline of the last line written (for drawing beside it). */
    public float y() {
        return y;
    }

    /** The current page's content stream (images). */
    public PDPageContentStream page() {
        return out;
    }

    public void gap(float h) {
        y -= h;
    }

    public void line(String text, float size, Color color) throws IOException {
        for (String para : safe(text).split("\n", -1)) {
            for (String l : wrap(para, size)) {
                float lead = size * leading;
                if (y - lead < margin) {
                    newPage();
                }
                y -= lead;
                out.beginText();
                out.setFont(font, size);
                out.setNonStrokingColor(color);
                out.newLineAtOffset(margin, y);
                out.showText(l);
                out.endText();
            }
        }
    }

    private List<String> wrap(String para, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        float used = 0;
        for (int i = 0; i < para.length(); ) {
            int cp = para.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            float cw = font.getStringWidth(ch) / 1000f * size;
            if (used + cw > width && !cur.isEmpty()) {
                lines.add(cur.toString());
                cur.setLength(0);
                used = 0;
            }
            cur.append(ch);
            used += cw;
            i += Character.charCount(cp);
        }
        lines.add(cur.toString());
        return lines;
    }

    private String safe(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                b.append('\n');
            } else if (cp == '\t' || Character.isISOControl(cp)) {
                b.append(' ');
            } else if (encodable.computeIfAbsent(cp, this::canEncode)) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    private boolean canEncode(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return font.getStringWidth(new String(Character.toChars(cp))) >= 0;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
