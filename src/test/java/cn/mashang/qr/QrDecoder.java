package cn.mashang.qr;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An independent QR decoder for tests: BoofCV (pure Java, shares no code with ZXing). */
final class QrDecoder {
    private QrDecoder() {
    }

    /** Every QR message found in the image. */
    static List<String> decode(BufferedImage image) {
        GrayU8 gray = new GrayU8(image.getWidth(), image.getHeight());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                gray.set(x, y, (r * 299 + g * 587 + b * 114) / 1000);
            }
        }
        QrCodeDetector<GrayU8> detector = FactoryFiducial.qrcode(null, GrayU8.class);
        detector.process(gray);
        return detector.getDetections().stream().map(q -> q.message).toList();
    }

    static List<String> decodePng(byte[] png) {
        return decode(read(png));
    }

    static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern SIZE = Pattern.compile("width=\"(\\d+)\"[^>]*viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RECT = Pattern.compile("<rect width=\"(\\d+)\" height=\"(\\d+)\" fill=\"#fff\"/>");
    private static final Pattern PATH = Pattern.compile("<path fill=\"#000\" d=\"([^\"]*)\"/>");
    private static final Pattern CMD = Pattern.compile("([MhvHVz])\\s*(-?\\d+(?:\\.\\d+)?)?(?:\\s+(-?\\d+(?:\\.\\d+)?))?");

    /** Paints the SVG we emit (a white rect and one path of M/h/v/z squares) with Java2D, then decodes it. */
    static List<String> decodeSvg(String svg) {
        return decode(paintSvg(svg));
    }

    /** Rasterises the SVG we emit with Java2D. */
    static BufferedImage paintSvg(String svg) {
        Matcher size = SIZE.matcher(svg);
        if (!size.find() || !RECT.matcher(svg).find()) {
            throw new AssertionError("not the expected SVG shape: " + svg.substring(0, Math.min(200, svg.length())));
        }
        int px = Integer.parseInt(size.group(1));
        double unit = px / Double.parseDouble(size.group(2));
        Matcher p = PATH.matcher(svg);
        if (!p.find()) {
            throw new AssertionError("no path");
        }
        Path2D.Double path = new Path2D.Double();
        double x = 0, y = 0;
        Matcher c = CMD.matcher(p.group(1));
        while (c.find()) {
            switch (c.group(1)) {
                case "M" -> {
                    x = Double.parseDouble(c.group(2));
                    y = Double.parseDouble(c.group(3));
                    path.moveTo(x, y);
                }
                case "h" -> path.lineTo(x += Double.parseDouble(c.group(2)), y);
                case "v" -> path.lineTo(x, y += Double.parseDouble(c.group(2)));
                case "z" -> path.closePath();
                default -> throw new AssertionError("unexpected command " + c.group(1));
            }
        }
        BufferedImage img = new BufferedImage(px, px, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, px, px);
        g.scale(unit, unit);
        g.setColor(Color.BLACK);
        g.fill(path);
        g.dispose();
        return img;
    }
}
