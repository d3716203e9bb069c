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
        String body;
        try {
            body = response.getBody(String.class).orElse(null);
        } catch (RuntimeException e) {
            return;   // a streamed or binary body (images, PDFs)
        }
        String headers = response.getHeaders().asMap().toString();
        PiiLedger.record("response of " + request.getMethod() + " " + request.getPath(), headers + " " + body);
    }
}
