package cn.mashang.security;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The hostile upload corpus, generated (nothing checked in): small files whose headers promise huge rasters in
 * every layout the photo decoder accepts (PNG grey/RGB/RGBA/grey+alpha/palette at 1, 8 and 16 bits, baseline and
 * progressive JPEG with forged frame sizes), text-chunk bombs, lying headers, and formats that must be refused
 * unread (GIF, BMP, WebP, TIFF).
 */
final class HostileImages {
    private HostileImages() {
    }

    /** One upload and the answers it may get (503 = the decode budget was busy, always allowed under load). */
    record Sample(String name, byte[] bytes, Set<Integer> expected) {
        @Override
        public String toString() {
            return name + " (" + bytes.length / 1024 + " KB)";
        }
    }

    static final int EDGE = 6320;   // 6320 × 6320 = 39.9 Mpx, just under intake.max-pixels (40 M)

    static List<Sample> corpus() throws IOException {
        List<Sample> c = new ArrayList<>();
        Set<Integer> ok = Set.of(201);
        c.add(new Sample("png 16-bit RGBA 6320² (the reported bomb, 320 MB raster)", png(EDGE, EDGE, 16, 6, null), ok));
        c.add(new Sample("png 16-bit RGB 6320²", png(EDGE, EDGE, 16, 2, null), ok));
        c.add(new Sample("png 16-bit grey 6320²", png(EDGE, EDGE, 16, 0, null), ok));
        c.add(new Sample("png 8-bit RGBA 6320²", png(EDGE, EDGE, 8, 6, null), ok));
        c.add(new Sample("png 8-bit RGB 6320²", png(EDGE, EDGE, 8, 2, null), ok));
        c.add(new Sample("png 8-bit grey+alpha 6320²", png(EDGE, EDGE, 8, 4, null), ok));
        c.add(new Sample("png 8-bit palette 6320²", png(EDGE, EDGE, 8, 3, null), ok));
        c.add(new Sample("png 1-bit grey 6320²", png(EDGE, EDGE, 1, 0, null), ok));
        c.add(new Sample("png palette with a 64 MB zTXt bomb", png(64, 64, 8, 3, zTxtBomb()), ok));
        c.add(new Sample("png RGBA with a 64 MB zTXt bomb", png(64, 64, 8, 6, zTxtBomb()), ok));
        c.add(new Sample("png header of 100000² (10 Gpx)", png(100_000, 100_000, 8, 6, null, 4), Set.of(413)));
        c.add(new Sample("png cut off after the header", png(EDGE, EDGE, 16, 6, null, 2), Set.of(400)));
        c.add(new Sample("jpeg baseline, SOF forged to 7000×5700", forgedJpeg(false, 7000, 5700), ok));
        c.add(new Sample("jpeg progressive, SOF forged to 6320² (coefficients 120 MB)", forgedJpeg(true, EDGE, EDGE),
                Set.of(413)));
        c.add(new Sample("jpeg progressive 1200×900 (an ordinary web image)", jpeg(true, 1200, 900), ok));
        c.add(new Sample("gif", other("gif"), Set.of(415)));
        c.add(new Sample("bmp", other("bmp"), Set.of(415)));
        c.add(new Sample("tiff", other("tiff"), Set.of(415)));
        c.add(new Sample("webp header", "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), Set.of(415)));
        return c;
    }

    /** A PNG of zero pixels (all rows deflated as they are generated). */
    static byte[] png(int w, int h, int bitDepth, int colorType, byte[] extraChunk) throws IOException {
        return png(w, h, bitDepth, colorType, extraChunk, -1);
    }

    /** ... cut after {@code keepRows} rows (or the header only when 2 or 4: no or an empty IDAT). */
    private static byte[] png(int w, int h, int bitDepth, int colorType, byte[] extraChunk, int variant)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.writeByte(bitDepth);
        d.writeByte(colorType);
        d.writeByte(0);
        d.writeByte(0);
        d.writeByte(0);
        chunk(out, "IHDR", ihdr.toByteArray());
        if (colorType == 3) {
            byte[] plte = new byte[256 * 3];
            for (int i = 0; i < plte.length; i++) {
                plte[i] = (byte) i;
            }
            chunk(out, "PLTE", plte);
        }
        if (extraChunk != null) {
            out.write(extraChunk);
        }
        if (variant == 2) {
            return out.toByteArray();
        }
        if (variant == 4) {
            chunk(out, "IDAT", deflate(new byte[16]));
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        }
        int channels = switch (colorType) {
            case 0, 3 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            default -> 4;
        };
        int rowBytes = (int) (((long) w * channels * bitDepth + 7) / 8);
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[rowBytes + 1];   // filter type 0, zero samples
        try (OutputStream z = new DeflaterOutputStream(idat, new Deflater(9), 1 << 16)) {
            for (int y = 0; y < h; y++) {
                z.write(row);
            }
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A zTXt chunk whose compressed text inflates to 64 MB. */
    private static byte[] zTxtBomb() throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (OutputStream o = new DeflaterOutputStream(z, new Deflater(9))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                o.write(zeros);
            }
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write("Comment".getBytes(StandardCharsets.ISO_8859_1));
        data.write(0);
        data.write(0);
        data.write(z.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunk(out, "zTXt", data.toByteArray());
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] raw) throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (OutputStream o = new DeflaterOutputStream(z)) {
            o.write(raw);
        }
        return z.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    static byte[] jpeg(boolean progressive, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        var g = img.createGraphics();
        g.setColor(new Color(200, 120, 40));
        g.fillRect(0, 0, w, h);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            if (progressive) {
                p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A small JPEG whose SOF0/SOF2 segment claims {@code w × h}: the decoder pads the missing scan data. */
    static byte[] forgedJpeg(boolean progressive, int w, int h) throws IOException {
        byte[] j = jpeg(progressive, 64, 64);
        for (int i = 2; i + 9 < j.length; i++) {
            if ((j[i] & 0xFF) == 0xFF && ((j[i + 1] & 0xFF) == 0xC0 || (j[i + 1] & 0xFF) == 0xC2)) {
                j[i + 5] = (byte) (h >> 8);
                j[i + 6] = (byte) h;
                j[i + 7] = (byte) (w >> 8);
                j[i + 8] = (byte) w;
                return j;
            }
        }
        throw new IllegalStateException("no SOF segment");
    }

    private static byte[] other(String format) throws IOException {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) {
            throw new IllegalStateException("no writer for " + format);
        }
        return out.toByteArray();
    }
}
