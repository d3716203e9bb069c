package cn.mashang.qr;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Draws the poster into a raster (PNG) at the given dots per inch. */
final class AwtPosterCanvas implements PosterCanvas {
    private final Graphics2D g;
    private final Font font;
    private final BufferedImage image;

    AwtPosterCanvas(Font font, int dpi) {
        float scale = dpi / 72f;
        this.image = new BufferedImage(Math.round(A4_WIDTH * scale), Math.round(A4_HEIGHT * scale), BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        this.font = font;
        g.scale(scale, scale);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    BufferedImage finish() {
        g.dispose();
        return image;
    }

    @Override
    public void rect(float x, float y, float w, float h, Color color) {
        g.setColor(color);
        g.fill(new Rectangle2D.Float(x, y, w, h));
    }

    @Override
    public void text(String text, float x, float y, float size, Color color, boolean bold) {
        g.setColor(color);
        g.setFont(font.deriveFont(bold ? Font.BOLD : Font.PLAIN, size));
        g.drawString(text, x, y);
    }

    @Override
    public float width(String text, float size) {
        return (float) font.deriveFont(size).getStringBounds(text, g.getFontRenderContext()).getWidth();
    }
}
