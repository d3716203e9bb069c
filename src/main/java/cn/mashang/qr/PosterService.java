package cn.mashang.qr;

import cn.mashang.AppConfig;
import cn.mashang.common.ApiException;
import cn.mashang.common.TrueTypeSource;
import cn.mashang.station.StationDetail;
import cn.mashang.station.StationQueries;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A station's A4 wall poster as PDF (vector, embedded font subset) or PNG (150 dpi), same layout. */
@Singleton
public class PosterService {
    public static final int PNG_DPI = 150;
    private final StationQueries stations;
    private final PosterFonts fonts;
    private final PosterLayout layout;
    private final AppConfig app;

    PosterService(StationQueries stations, PosterFonts fonts, QrRenderer qr, AppConfig app) {
        this.stations = stations;
        this.fonts = fonts;
        this.layout = new PosterLayout(qr);
        this.app = app;
    }

    PosterLayout.Poster poster(long stationId) {
        StationDetail s = stations.detail(stationId);
        if (s.code() == null) {
            throw ApiException.conflict("该联络站没有有效的二维码，请先发放");
        }
        var cards = s.deputies().stream().filter(m -> m.code() != null)
                .map(m -> new PosterLayout.Card(m.name(), m.role().label(),
                        String.join(" · ", m.levels().stream().map(cn.mashang.deputy.DeputyLevel::label).toList()),
                        m.unit(), m.scanUrl()))
                .toList();
        var reception = new java.util.ArrayList<>(s.receptionDays());
        if (s.receptionNote() != null && !s.receptionNote().isBlank()) {
            reception.add(s.receptionNote());
        }
        return new PosterLayout.Poster(s.name(), s.address(), String.join("；", reception), s.openingHours(), s.publicPhone(),
                s.scanUrl(), cards, "码上联络 · 人大代表联络站 · " + app.publicBaseUrl());
    }

    public byte[] png(long stationId, int page) {
        PosterFonts.CjkFont font = fonts.require();
        PosterLayout.Poster p = poster(stationId);
        AwtPosterCanvas canvas = new AwtPosterCanvas(font.awt(), PNG_DPI);
        int pages = layout.pages(p, canvas);
        if (page < 1 || page > pages) {
            throw ApiException.badField("page", "海报共 " + pages + " 页");
        }
        layout.draw(p, page - 1, canvas);
        var out = new ByteArrayOutputStream(256 * 1024);
        try {
            ImageIO.write(canvas.finish(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public byte[] pdf(long stationId) {
        PosterFonts.CjkFont font = fonts.require();
        PosterLayout.Poster p = poster(stationId);
        try (PDDocument doc = new PDDocument(); TrueTypeSource source = TrueTypeSource.open(font.file())) {
            PDType0Font pdfFont = PDType0Font.load(doc, source.font(), true);
            doc.getDocumentInformation().setTitle(p.stationName() + " 二维码海报");
            doc.getDocumentInformation().setCreator("码上联络");
            int pages = 1;
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    PdfPosterCanvas canvas = new PdfPosterCanvas(cs, pdfFont);
                    pages = layout.pages(p, canvas);
                    layout.draw(p, i, canvas);
                }
            }
            var out = new ByteArrayOutputStream(256 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
