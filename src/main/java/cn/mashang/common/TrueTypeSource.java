package cn.mashang.common;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The first face of a TrueType file or collection (TTF/TTC, e.g. the CJK font found by
 * {@code cn.mashang.qr.PosterFonts}), kept open while a PDF embeds its subset. Shared by posters and records.
 */
public record TrueTypeSource(TrueTypeFont font, Closeable owner) implements Closeable {
    public static TrueTypeSource open(File file) throws IOException {
        if (file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection ttc = new TrueTypeCollection(file);
            AtomicReference<TrueTypeFont> first = new AtomicReference<>();
            ttc.processAllFonts(f -> first.compareAndSet(null, f));
            return new TrueTypeSource(first.get(), ttc);
        }
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
        return new TrueTypeSource(ttf, ttf);
    }

    @Override
    public void close() throws IOException {
        owner.close();
    }
}
