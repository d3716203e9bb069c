package cn.mashang.notify;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * POSTs a robot message and checks the {@code errcode} of the JSON answer (0 = delivered). Error messages are
 * scrubbed: URLs and key/sign/secret parameters never reach the outbox row or the log.
 */
@Singleton
class RobotHttp {
    private static final Pattern URL = Pattern.compile("(?i)https?://\\S+");
    private static final Pattern PARAM = Pattern.compile("(?i)(key|access_token|sign|secret|timestamp)=[^&\\s]*");
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    private final HttpClient client;
    private final ObjectMapper json;

    RobotHttp(@Client(configuration = NotifyHttpClientConfiguration.class) HttpClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /**
     * @param permanentCodes errcodes that retrying cannot fix (bad key, signature mismatch)
     */
    void post(String url, Map<String, Object> body, Set<Integer> permanentCodes) throws DeliveryException {
        String text;
        try {
            HttpResponse<String> response = client.toBlocking().exchange(
                    HttpRequest.POST(URI.create(url), body).contentType(MediaType.APPLICATION_JSON_TYPE)
                            .accept(MediaType.APPLICATION_JSON_TYPE), String.class);
            text = response.getBody().orElse("");
        } catch (HttpClientResponseException e) {
            throw new DeliveryException("HTTP " + e.code(), false);
        } catch (RuntimeException e) {
            throw new DeliveryException(safe(e.getClass().getSimpleName() + ": " + e.getMessage()), false);
        }
        Map<String, Object> answer;
        try {
            answer = json.readValue(text, MAP);
        } catch (IOException | RuntimeException e) {
            throw new DeliveryException("answer is not JSON", false);
        }
        Object code = answer == null ? null : answer.get("errcode");
        if (!(code instanceof Number n) || n.intValue() != 0) {
            boolean permanent = code instanceof Number n2 && permanentCodes.contains(n2.intValue());
            throw new DeliveryException(safe("errcode " + code + ": " + (answer == null ? "" : answer.get("errmsg"))), permanent);
        }
    }

    /** Drops URLs and secret-bearing parameters; at most 200 characters. */
    static String safe(String message) {
        String m = message == null ? "" : PARAM.matcher(URL.matcher(message).replaceAll("<url>")).replaceAll("$1=***");
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
