package cn.mashang.qr;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Prints measured figures (not a test): QR render times cold (cache miss) and cached (hit), poster render times,
 * and the bytes a resident's phone loads for a scan landing page. Run:
 * {@code ./mvnw -B -q test-compile exec:java -Dexec.mainClass=cn.mashang.qr.QrBenchmark -Dexec.classpathScope=test}
 */
public final class QrBenchmark {
    private QrBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, "test", "h2")) {
            var ctx = server.getApplicationContext();
            QrImages images = ctx.getBean(QrImages.class);
            String url = ctx.getBean(cn.mashang.AppConfig.class).publicBaseUrl() + "/s/zhan222222";
            long t0 = System.nanoTime();
            images.image(url, QrImages.Format.PNG, 512);
            System.out.printf("first render in a fresh JVM (PNG 512): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
            for (QrImages.Format f : QrImages.Format.values()) {
                for (int size : List.of(128, 512, 2048)) {
                    double cold = median(200, () -> {
                        images.clear();
                        return images.image(url, f, size);
                    });
                    double hit = median(2000, () -> images.image(url, f, size));
                    int bytes = images.image(url, f, size).length;
                    System.out.printf("%s %4d px: cold %.3f ms, cached %.4f ms, %d bytes%n", f, size, cold, hit, bytes);
                }
            }
            PosterService posters = ctx.getBean(PosterService.class);
            long station = ctx.getBean(CodeLookup.class).find("zhan222222").orElseThrow().stationId();
            if (ctx.getBean(PosterFonts.class).find().isPresent()) {
                System.out.printf("poster PDF: %.1f ms, %d bytes%n", median(10, () -> posters.pdf(station)), posters.pdf(station).length);
                System.out.printf("poster PNG 150 dpi: %.1f ms, %d bytes%n", median(10, () -> posters.png(station, 1)), posters.png(station, 1).length);
            } else {
                System.out.println("poster: no CJK font installed (fonts-wqy-microhei)");
            }
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + server.getPort();
            long total = 0;
            for (String path : List.of("/s/zhan222222", "/static/css/app.css", "/static/js/api.js", "/static/js/code.js")) {
                long n = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
                total += n;
                System.out.printf("landing %-22s %6d bytes%n", path, n);
            }
            System.out.printf("landing page total (HTML with inline data + CSS + JS, 0 API calls): %d bytes%n", total);
            double page = median(200, () -> {
                try {
                    return http.send(HttpRequest.newBuilder(URI.create(base + "/s/zhan222222")).build(), HttpResponse.BodyHandlers.ofString()).body();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            System.out.printf("landing HTML /s/{code} server round trip (localhost, H2): %.2f ms median%n", page);
        }
    }

    private static double median(int runs, Supplier<Object> work) {
        for (int i = 0; i < Math.min(20, runs); i++) {
            work.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
