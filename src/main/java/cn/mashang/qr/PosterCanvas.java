package cn.mashang.qr;

import com.google.zxing.qrcode.encoder.ByteMatrix;

import java.awt.Color;

/** What the poster layout draws on: a page in PDF points (A4 595×842), origin top-left, y downwards. */
interface PosterCanvas {
    float A4_WIDTH = 595.28f;
    float A4_HEIGHT = 841.89f;

    void rect(float x, float y, float w, float h, Color color);

    /** Text with its baseline at y. */
    void text(String text, float x, float y, float size, Color color, boolean bold);

    float width(String text, float size);

    /** A QR matrix filling the square (x, y, size) including its quiet zone. */
    default void qr(ByteMatrix m, float x, float y, float size) {
        rect(x, y, size, size, Color.WHITE);
        int modules = m.getWidth() + 2 * QrRenderer.QUIET_ZONE;
        float unit = size / modules;
        for (int row = 0; row < m.getHeight(); row++) {
            int col = 0;
            while (col < m.getWidth()) {
                if (m.get(col, row) != 1) {
                    col++;
                    continue;
                }
                int run = 1;
                while (col + run < m.getWidth() && m.get(col + run, row) == 1) {
                    run++;
                }
                rect(x + (col + QrRenderer.QUIET_ZONE) * unit, y + (row + QrRenderer.QUIET_ZONE) * unit,
                        run * unit, unit, Color.BLACK);
                col += run;
            }
        }
    }
}
