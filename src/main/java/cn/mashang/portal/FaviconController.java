package cn.mashang.portal;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The icon browsers ask for by themselves: a green rounded square with a white speech mark, drawn once. */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class FaviconController {
    private final byte[] png = draw();

    @Get(value = "/favicon.ico", produces = MediaType.IMAGE_PNG)
    HttpResponse<byte[]> favicon() {
        return HttpResponse.ok(png).header("Cache-Control", "public, max-age=86400");
    }

    private static byte[] draw() {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x07C160));
        g.fillRoundRect(0, 0, 64, 64, 16, 16);
        g.setColor(Color.WHITE);
        g.fillRoundRect(12, 14, 40, 28, 10, 10);
        g.fillPolygon(new int[]{20, 30, 22}, new int[]{40, 40, 52}, 3);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
