package cn.mashang.qr;

import cn.mashang.common.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds the CJK font posters are set in: the first readable TrueType file (TTF or TTC) of
 * {@code qr.poster-font-paths} that has the poster's glyphs. Default: Debian's fonts-wqy-microhei
 * (/usr/share/fonts/truetype/wqy/wqy-microhei.ttc). Without one, posters answer 503 instead of boxes (tofu).
 */
@Singleton
public class PosterFonts {
    static final String SAMPLE = "人大代表联络站扫码反映问题接待日地址驻站";
    private static final Logger LOG = LoggerFactory.getLogger(PosterFonts.class);

    /** The font file and its first face, loaded for Java2D. */
    public record CjkFont(File file, Font awt) {
    }

    private final QrConfig config;
    private volatile Optional<CjkFont> found;

    PosterFonts(QrConfig config) {
        this.config = config;
    }

    public Optional<CjkFont> find() {
        Optional<CjkFont> f = found;
        if (f == null || f.isEmpty()) {
            f = search();
            found = f;
        }
        return f;
    }

    public CjkFont require() {
        return find().orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "海报字体未安装",
                "服务器没有可用的中文字体，无法生成海报。请安装 Debian 软件包 fonts-wqy-microhei，或配置 qr.poster-font-paths。"));
    }

    private Optional<CjkFont> search() {
        for (String path : config.posterFontPaths()) {
            File file = new File(path);
            if (!file.canRead()) {
                continue;
            }
            try {
                Font[] faces = Font.createFonts(file);
                if (faces.length > 0 && faces[0].canDisplayUpTo(SAMPLE) == -1) {
                    LOG.info("Poster font: {} ({})", faces[0].getFontName(), path);
                    return Optional.of(new CjkFont(file, faces[0]));
                }
            } catch (IOException | FontFormatException e) {
                LOG.warn("Poster font {} unusable: {}", path, e.toString());
            }
        }
        LOG.warn("No CJK poster font found in {}", config.posterFontPaths());
        return Optional.empty();
    }
}
