package cn.mashang.e2e;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small JPEG "photo" of a broken street lamp, made on the fly. */
final class TestImages {
    private TestImages() {
    }

    static Path streetPhoto() {
        try {
            BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(0x8FB8DE));
            g.fillRect(0, 0, 800, 600);
            g.setColor(new Color(0x555555));
            g.fillRect(0, 420, 800, 180);
            g.setColor(new Color(0x333333));
            g.fillRect(380, 120, 20, 300);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
            g.drawString("lamp", 420, 160);
            g.dispose();
            Path file = Files.createTempFile("lamp", ".jpg");
            ImageIO.write(img, "jpg", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
