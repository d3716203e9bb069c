package cn.mashang.concern.photo;

import cn.mashang.concern.intake.IntakeConfig;
import cn.mashang.common.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import org.w3c.dom.Node;

/**
 * Checks an uploaded photo and re-encodes it: type by magic bytes (JPEG, PNG; WebP and anything else 415),
 * dimensions, sample layout and (JPEG) coding process read from the reader's header and metadata before decoding
 * (pixel floods refused), decoded — subsampled by the reader when the full raster would exceed
 * {@code photos.max-decode-bytes} or is more than twice the maximum edge — under a share of the {@link DecodeBudget}
 * that covers every buffer the decode needs, scaled down to the maximum edge, and written as a fresh baseline JPEG
 * (which carries no EXIF/GPS or any other metadata of the original).
 */
@Singleton
public class PhotoProcessor {
    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";
    private final IntakeConfig config;
    private final PhotoDecodeConfig decode;
    private final DecodeBudget budget;

    PhotoProcessor(IntakeConfig config, PhotoDecodeConfig decode, DecodeBudget budget) {
        this.config = config;
        this.decode = decode;
        this.budget = budget;
    }

    public record Encoded(byte[] jpeg, int width, int height) {
    }

    /** The upload's bytes, read only once the budget holds room for them. */
    public interface Source {
        byte[] read() throws IOException;
    }

    /** What decoding an image will take, from its header (before any pixel is decoded). */
    record Plan(int width, int height, int subsampling, long decodeBytes, long totalBytes) {
    }

    public Encoded process(byte[] data) {
        return process(data.length, () -> data);
    }

    public Encoded process(long size, Source source) {
        if (size > config.maxPhotoBytes()) {
            throw tooLarge();
        }
        try (DecodeBudget.Share share = budget.open()) {
            share.grow(size);
            byte[] data = source.read();
            if (data.length > config.maxPhotoBytes()) {
                throw tooLarge();
            }
            String format = sniff(data);
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
                Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
                if (!readers.hasNext()) {
                    throw unsupported("无法读取此图片格式");
                }
                ImageReader reader = readers.next();
                try {
                    // JPEG: its metadata (SOF segment) says whether it is progressive; PNG: no text chunks needed
                    reader.setInput(in, true, !format.equals("jpeg"));
                    Plan plan = plan(reader, format, data.length);
                    share.grow(plan.totalBytes() - data.length);
                    ImageReadParam param = reader.getDefaultReadParam();
                    param.setSourceSubsampling(plan.subsampling(), plan.subsampling(), 0, 0);
                    BufferedImage image = reader.read(0, param);
                    return encode(scale(image));
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badField("file", "图片已损坏或无法识别");
        }
    }

    /** The subsampling and the bytes decoding needs, from the header, the first destination type and the SOF. */
    Plan plan(ImageReader reader, String format, long inputBytes) throws IOException {
        long w = reader.getWidth(0);
        long h = reader.getHeight(0);
        if (w <= 0 || h <= 0 || w * h > config.maxPixels()) {
            throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "图片像素过大",
                    "图片尺寸不能超过 " + (config.maxPixels() / 1_000_000) + " 百万像素");
        }
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (!types.hasNext()) {
            throw unsupported("无法读取此图片格式");
        }
        ImageTypeSpecifier type = types.next();
        double perPixel = bytesPerPixel(type);
        double drawPerPixel = scalingCopyBytesPerPixel(type.getBufferedImageType());
        int s = (int) Math.max(1, Math.max(w, h) / (2L * config.maxPhotoEdge()));
        while (pixels(w, h, s) * (perPixel + drawPerPixel) > decode.maxDecodeBytes()) {
            s++;
        }
        long decoded = (long) Math.ceil(pixels(w, h, s) * (perPixel + drawPerPixel));
        long coefficients = format.equals("jpeg") ? progressiveCoefficientBytes(reader, w, h) : 0;
        if (decoded + coefficients > decode.maxDecodeBytes()) {
            throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "图片过大",
                    "这张图片解码需要的内存过大，请截图或压缩后再上传");
        }
        long dw = (w + s - 1) / s;
        long dh = (h + s - 1) / s;
        double f = Math.min(1.0, (double) config.maxPhotoEdge() / Math.max(dw, dh));
        long scaled = Math.max(1, Math.round(dw * f)) * Math.max(1, Math.round(dh * f));
        long rows = w * (long) Math.ceil(Math.max(1, perPixel)) * 4 + 65_536;
        long total = inputBytes + decoded + coefficients + rows + scaled * 3 + scaled + 1_048_576;
        return new Plan((int) w, (int) h, s, decoded + coefficients, total);
    }

    private static double pixels(long w, long h, int s) {
        return (double) ((w + s - 1) / s) * ((h + s - 1) / s);
    }

    /**
     * Java2D scales the standard raster types directly, but converts the others to a temporary copy first
     * (measured with the thread's allocation counter, 2000² → 1280²: USHORT_GRAY 8 bytes per source pixel,
     * BYTE_BINARY and custom 16-bit or grey+alpha rasters 4): those bytes count as part of the decode.
     */
    static double scalingCopyBytesPerPixel(int bufferedImageType) {
        return switch (bufferedImageType) {
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_ARGB_PRE,
                 BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR,
                 BufferedImage.TYPE_4BYTE_ABGR_PRE, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_INDEXED -> 0;
            default -> 8;
        };
    }

    /** Bytes per pixel of the raster the reader decodes into (1-bit packed: 1/8; 16-bit RGBA: 8). */
    static double bytesPerPixel(ImageTypeSpecifier type) {
        SampleModel sm = type.getSampleModel(64, 64);
        DataBuffer db = sm.createDataBuffer();
        double bytes = (double) db.getSize() * db.getNumBanks() * DataBuffer.getDataTypeSize(db.getDataType()) / 8;
        return bytes / (64 * 64);
    }

    /**
     * A progressive JPEG is decoded by libjpeg with every DCT coefficient of the whole image in (native) memory,
     * 2 bytes per coefficient and component sample, whatever the subsampling: those bytes count too.
     */
    private static long progressiveCoefficientBytes(ImageReader reader, long w, long h) throws IOException {
        Node sof;
        try {
            IIOMetadata metadata = reader.getImageMetadata(0);
            sof = metadata == null ? null : find(metadata.getAsTree(JPEG_METADATA), "sof");
        } catch (IOException | RuntimeException unreadable) {
            return w * h * 3 * 2;   // unknown: count it as a progressive 4:4:4 image
        }
        if (sof == null || !"2".equals(attribute(sof, "process"))) {
            return 0;
        }
        int hMax = 1;
        int vMax = 1;
        for (Node c = sof.getFirstChild(); c != null; c = c.getNextSibling()) {
            hMax = Math.max(hMax, Integer.parseInt(attribute(c, "HsamplingFactor")));
            vMax = Math.max(vMax, Integer.parseInt(attribute(c, "VsamplingFactor")));
        }
        double samples = 0;
        for (Node c = sof.getFirstChild(); c != null; c = c.getNextSibling()) {
            samples += (double) Integer.parseInt(attribute(c, "HsamplingFactor"))
                    * Integer.parseInt(attribute(c, "VsamplingFactor")) / (hMax * vMax);
        }
        long blocksW = (w + 8L * hMax - 1) / (8L * hMax) * 8L * hMax;
        long blocksH = (h + 8L * vMax - 1) / (8L * vMax) * 8L * vMax;
        return (long) Math.ceil(blocksW * blocksH * samples * 2);
    }

    private static Node find(Node node, String name) {
        if (name.equals(node.getNodeName())) {
            return node;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node found = find(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String attribute(Node node, String name) {
        Node a = node.getAttributes() == null ? null : node.getAttributes().getNamedItem(name);
        return a == null ? "1" : a.getNodeValue();
    }

    private ApiException tooLarge() {
        return new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "图片过大",
                "单张图片不能超过 " + (config.maxPhotoBytes() / 1024 / 1024) + " MB");
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
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_3BYTE_BGR);
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
