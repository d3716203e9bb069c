package cn.mashang.qr;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Draws the poster into a PDF page: vector QR modules, text in an embedded subset of the CJK font. */
final class PdfPosterCanvas implements PosterCanvas {
    private final PDPageContentStream out;
    private final PDType0Font font;

    PdfPosterCanvas(PDPageContentStream out, PDType0Font font) {
        this.out = out;
        this.font = font;
    }

    @Override
    public void rect(float x, float y, float w, float h, Color color) {
        try {
            out.setNonStrokingColor(color);
            out.addRect(x, A4_HEIGHT - y - h, w, h);
            out.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void text(String text, float x, float y, float size, Color color, boolean bold) {
        try {
            out.beginText();
            out.setFont(font, size);
            out.setNonStrokingColor(color);
            if (bold) {
                out.setStrokingColor(color);
                out.setLineWidth(size * 0.035f);
                out.setRenderingMode(RenderingMode.FILL_STROKE);
            } else {
                out.setRenderingMode(RenderingMode.FILL);
            }
            out.newLineAtOffset(x, A4_HEIGHT - y);
            out.showText(text);
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
