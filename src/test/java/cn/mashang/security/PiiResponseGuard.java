package cn.mashang.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/** Inspects every response the test suite's HTTP clients receive for full mobile numbers (see {@link PiiLedger}). */
@ClientFilter(ClientFilter.MATCH_ALL_PATTERN)
@Requires(env = "test")
final class PiiResponseGuard {
    /** Error statuses reach client response filters as exceptions. */
    @ResponseFilter
    void scanError(HttpRequest<?> request, HttpClientResponseException e) {
        scan(request, e.getResponse());
    }

    @ResponseFilter
    void scan(HttpRequest<?> request, HttpResponse<?> response) {
        if (PiiLedger.CONTACT_REVEAL.matcher(request.getPath()).matches()) {
            return;
        }
        String body = null;
        if (scansBody(response.getContentType().map(Object::toString).orElse(null))) {
            try {
                body = response.getBody(String.class).orElse(null);
            } catch (RuntimeException e) {
                return;   // a streamed body
            }
        }
        String headers = response.getHeaders().asMap().toString();
        PiiLedger.record("response of " + request.getMethod() + " " + request.getPath(), headers + " " + body);
    }

    /**
     * Whether a body of this type is read as text: not PDFs, images, spreadsheets or other binaries, whose bytes
     * (a PDF's hexadecimal document id, compressed streams) hold runs of digits that are no number (CI failed on
     * a referral letter's); the text in them is checked by the tests that extract it (PDFBox, POI).
     */
    static boolean scansBody(String contentType) {
        if (contentType == null) {
            return true;
        }
        String t = contentType.toLowerCase(java.util.Locale.ROOT);
        return !(t.startsWith("application/pdf") || t.startsWith("image/") || t.startsWith("application/zip")
                || t.startsWith("application/octet-stream") || t.startsWith("application/vnd."));
    }
}
