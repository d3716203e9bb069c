package cn.mashang.qr;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The A4 wall poster, drawn the same way into PDF and PNG: a green header with the station's name; the big
 * station code with "扫码反映问题" beside the address, reception days and opening hours; then a card per
 * resident deputy (name, level, unit, their own code). Deputies that do not fit go on further pages.
 */
final class PosterLayout {
    static final Color GREEN = new Color(0x07C160);
    static final Color TEXT = new Color(0x1A1A1A);
    static final Color SUB = new Color(0x666666);
    static final Color LINE = new Color(0xDDDDDD);
    static final float MARGIN = 36;
    static final float STATION_QR = 210;
    static final float DEPUTY_QR = 104;
    static final int COLUMNS = 3;
    static final float GAP = 12;
    static final float CARD_HEIGHT = DEPUTY_QR + 78;
    static final float BOTTOM = PosterCanvas.A4_HEIGHT - 40;

    record Card(String name, String role, String levels, String unit, String url) {
    }

    /** {@code reception}: the station's reception rules as {@code ReceptionDays} words them, then its free note. */
    record Poster(String stationName, String address, String reception, String openingHours, String phone,
                  String stationUrl, List<Card> cards, String footer) {
    }

    private static List<String[]> info(Poster p) {
        List<String[]> rows = new ArrayList<>();
        for (String[] kv : new String[][]{{"地址", p.address()}, {"接待日", p.reception()},
                {"开放时间", p.openingHours()}, {"电话", p.phone()}}) {
            if (kv[1] != null && !kv[1].isBlank()) {
                rows.add(kv);
            }
        }
        return rows;
    }

    private static float infoHeight(Poster p, PosterCanvas c, float size, float width) {
        float h = 0;
        for (String[] kv : info(p)) {
            h += wrap(c, kv[0] + "：" + kv[1], size, width).size() * (size + 6) + 4;
        }
        return h;
    }

    private final QrRenderer qr;

    PosterLayout(QrRenderer qr) {
        this.qr = qr;
    }

    /** Number of pages the poster needs. */
    int pages(Poster p, PosterCanvas c) {
        int first = rows(firstCardsTop(p, c)) * COLUMNS;
        int rest = rows(MARGIN + 60) * COLUMNS;
        int remaining = Math.max(0, p.cards().size() - first);
        return 1 + (remaining + rest - 1) / rest;
    }

    /** Draws page {@code page} (0-based). */
    void draw(Poster p, int page, PosterCanvas c) {
        float w = PosterCanvas.A4_WIDTH;
        c.rect(0, 0, w, PosterCanvas.A4_HEIGHT, Color.WHITE);
        int perFirst = rows(firstCardsTop(p, c)) * COLUMNS;
        int perRest = rows(MARGIN + 60) * COLUMNS;
        if (page == 0) {
            float top = header(p, c);
            float y = top + 20;
            c.qr(qr.matrix(p.stationUrl()), MARGIN - 8, y, STATION_QR);
            float tx = MARGIN + STATION_QR + 8;
            float tw = w - MARGIN - tx;
            float ty = y + 34;
            c.text("扫码反映问题", tx, ty, 30, GREEN, true);
            ty += 26;
            c.text("群众扫一扫 · 代表码上办", tx, ty, 14, SUB, false);
            ty += 30;
            // the facts beside the code must end above the deputies' heading: at 13 pt if they fit, else at 11 pt,
            // and never past the code's bottom edge (a line that would is left off)
            float bottom = y + STATION_QR + 4;
            float size = infoHeight(p, c, 13, tw) <= bottom - ty ? 13 : 11;
            float lineHeight = size + 6;
            for (String[] kv : info(p)) {
                for (String line : wrap(c, kv[0] + "：" + kv[1], size, tw)) {
                    if (ty + lineHeight > bottom) {
                        break;
                    }
                    c.text(line, tx, ty, size, TEXT, false);
                    ty += lineHeight;
                }
                ty += 4;
            }
            float sy = y + STATION_QR + 10;
            c.text("驻站代表 · 扫描代表的二维码可直接向TA反映", MARGIN, sy + 14, 15, TEXT, true);
            c.rect(MARGIN, sy + 22, w - 2 * MARGIN, 1, LINE);
            cards(p, c, 0, perFirst, firstCardsTop(p, c));
        } else {
            c.rect(0, 0, w, MARGIN + 36, GREEN);
            c.text(p.stationName() + " · 驻站代表（续）", MARGIN, MARGIN + 14, 16, Color.WHITE, true);
            int from = perFirst + (page - 1) * perRest;
            cards(p, c, from, perRest, MARGIN + 60);
        }
        c.text(p.footer(), MARGIN, PosterCanvas.A4_HEIGHT - 20, 9, SUB, false);
    }

    private float headerHeight(Poster p, PosterCanvas c) {
        return 54 + 32 * wrap(c, p.stationName(), 26, PosterCanvas.A4_WIDTH - 2 * MARGIN).size();
    }

    private float firstCardsTop(Poster p, PosterCanvas c) {
        return headerHeight(p, c) + 20 + STATION_QR + 44;
    }

    private float header(Poster p, PosterCanvas c) {
        float h = headerHeight(p, c);
        c.rect(0, 0, PosterCanvas.A4_WIDTH, h, GREEN);
        c.text("人大代表联络站", MARGIN, 36, 14, Color.WHITE, false);
        float y = 36 + 36;
        for (String line : wrap(c, p.stationName(), 26, PosterCanvas.A4_WIDTH - 2 * MARGIN)) {
            c.text(line, MARGIN, y, 26, Color.WHITE, true);
            y += 32;
        }
        return h;
    }

    private static int rows(float top) {
        return Math.max(1, (int) ((BOTTOM - top + GAP) / (CARD_HEIGHT + GAP)));
    }

    private void cards(Poster p, PosterCanvas c, int from, int count, float top) {
        float cw = (PosterCanvas.A4_WIDTH - 2 * MARGIN - (COLUMNS - 1) * GAP) / COLUMNS;
        List<Card> cards = p.cards();
        for (int i = 0; i < count && from + i < cards.size(); i++) {
            Card card = cards.get(from + i);
            float x = MARGIN + (i % COLUMNS) * (cw + GAP);
            float y = top + (i / COLUMNS) * (CARD_HEIGHT + GAP);
            c.rect(x, y, cw, CARD_HEIGHT, LINE);
            c.rect(x + 1, y + 1, cw - 2, CARD_HEIGHT - 2, Color.WHITE);
            c.qr(qr.matrix(card.url()), x + (cw - DEPUTY_QR) / 2, y + 4, DEPUTY_QR);
            float ty = y + DEPUTY_QR + 22;
            c.text(card.name(), x + 10, ty, 15, TEXT, true);
            c.text(card.role(), x + 14 + c.width(card.name(), 15), ty, 10, GREEN, false);
            ty += 16;
            for (String line : wrap(c, card.levels(), 9.5f, cw - 20).stream().limit(1).toList()) {
                c.text(line, x + 10, ty, 9.5f, SUB, false);
            }
            ty += 14;
            for (String line : wrap(c, card.unit() == null ? "" : card.unit(), 9.5f, cw - 20).stream().limit(2).toList()) {
                c.text(line, x + 10, ty, 9.5f, SUB, false);
                ty += 13;
            }
        }
    }

    /** Breaks text into lines no wider than max (by character: Chinese has no spaces). */
    static List<String> wrap(PosterCanvas c, String text, float size, float max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (!line.isEmpty() && c.width(line + ch, size) > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
