package cn.mashang;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small helpers for tests that drive the real HTTP surface. */
public final class Http {
    public static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    public static final Argument<List<Map<String, Object>>> LIST = Argument.listOf(MAP);

    private Http() {
    }

    public static Map<String, Object> get(BlockingHttpClient client, String uri) {
        return client.retrieve(HttpRequest.GET(uri), MAP);
    }

    /** Performs the request, expects the failure status and a problem+json body; returns the body. */
    /** GET with a staff bearer token. */
    public static Map<String, Object> get(BlockingHttpClient client, String uri, String token) {
        return client.retrieve(HttpRequest.GET(uri).bearerAuth(token), MAP);
    }

    public static Map<String, Object> problem(BlockingHttpClient client, HttpRequest<?> request, int status) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(request, MAP, MAP));
        HttpResponse<?> response = e.getResponse();
        assertEquals(status, response.code(), () -> "body: " + response.getBody(String.class).orElse(""));
        assertTrue(response.getContentType().map(t -> t.toString().startsWith("application/problem+json")).orElse(false),
                () -> "content type was " + response.getContentType());
        Map<String, Object> body = response.getBody(MAP).orElseThrow();
        assertEquals(status, ((Number) body.get("status")).intValue());
        String text = body.toString();
        assertTrue(!text.contains("Exception") && !text.contains("\tat "), () -> "leaks internals: " + text);
        return body;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
