package cn.mashang.concern.photo;

import cn.mashang.concern.intake.IntakeConfig;
import cn.mashang.common.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Checks an uploaded photo and re-encodes it: type by magic bytes (JPEG, PNG; WebP and anything else 415),
 * dimensions read from the header before decoding (pixel floods refused), decoded, scaled down to the maximum
 * edge, and written as a fresh baseline JPEG — which carries no EXIF/GPS or any other metadata of the original.
 */
@Singleton
public class PhotoProcessor {
    private final IntakeConfig config;

    PhotoProcessor(IntakeConfig config) {
        this.config = config;
    }

    public record Encoded(byte[] jpeg, int width, int height) {
    }

    public Encoded process(byte[] data) {
        if (data.length > config.maxPhotoBytes()) {
            throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "图片过大",
                    "单张图片不能超过 " + (config.maxPhotoBytes() / 1024 / 1024) + " MB");
        }
        String format = sniff(data);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw unsupported("无法读取此图片格式");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w * h > config.maxPixels()) {
                    throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "图片像素过大",
                            "图片尺寸不能超过 " + (config.maxPixels() / 1_000_000) + " 百万像素");
                }
                BufferedImage image = reader.read(0);
                return encode(scale(image));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badField("file", "图片已损坏或无法识别");
        }
    }

    private static String sniff(byte[] d) {
        if (d.length >= 3 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8 && (d[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        if (d.length >= 8 && (d[0] & 0xFF) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G'
                && d[4] == 0x0D && d[5] == 0x0A && d[6] == 0x1A && d[7] == 0x0A) {
            return "png";
        }
        if (d.length >= 12 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F'
                && d[8] == 'W' && d[9] == 'E' && d[10] == 'B' && d[11] == 'P') {
            throw unsupported("暂不支持 WebP 图片，请选择 JPG 或 PNG 格式（可在相册中截图后上传）");
        }
        throw unsupported("只支持 JPG 或 PNG 格式的图片");
    }

    private static ApiException unsupported(String detail) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的图片格式", detail);
    }

    private BufferedImage scale(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        double f = Math.min(1.0, (double) config.maxPhotoEdge() / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * f));
        int th = Math.max(1, (int) Math.round(h * f));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, tw, th);
            g.drawImage(src, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static Encoded encode(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), p);
        } finally {
            writer.dispose();
        }
        return new Encoded(bytes.toByteArray(), image.getWidth(), image.getHeight());
    }
}
