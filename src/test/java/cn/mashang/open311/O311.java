package cn.mashang.open311;

import cn.mashang.Http;
import cn.mashang.auth.Logins;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Test helpers: an Open311 client's calls as plain HTTP (form bodies, raw answers), keys issued by demo admins. */
final class O311 {
    static final String BASE = "/open311/v2/";

    /** A raw answer: status, content type and body text. */
    record Answer(int status, String contentType, String body, HttpResponse<?> response) {
        List<Map<String, Object>> jsonList(ObjectMapper json) {
            return read(json, body, Http.LIST);
        }

        Map<String, Object> jsonObject(ObjectMapper json) {
            return read(json, body, Http.MAP);
        }
    }

    private O311() {
    }

    static <T> T read(ObjectMapper json, String body, io.micronaut.core.type.Argument<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Issues a key for the admin's region (or the given one); answers the key. */
    static String issueKey(BlockingHttpClient client, String admin, long regionId) {
        Map<String, Object> created = client.retrieve(HttpRequest.POST("/api/v1/regions/" + regionId
                + "/open311-clients", Map.of("name", "测试客户端 " + UUID.randomUUID().toString().substring(0, 6)))
                .bearerAuth(Logins.token(client, admin)), Http.MAP);
        return (String) created.get("apiKey");
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A valid request body for a station jurisdiction; callers drop or change fields. */
    static Map<String, String> request(String apiKey, String jurisdiction, String serviceCode) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("api_key", apiKey);
        f.put("jurisdiction_id", jurisdiction);
        f.put("service_code", serviceCode);
        f.put("lat", "37.0912345");
        f.put("long", "111.7823456");
        f.put("address_string", "孝义市新义街道梧桐路 12 号");
        f.put("description", "Open311 测试：路灯不亮，夜里行人看不清 " + UUID.randomUUID());
        return f;
    }

    static Answer post(BlockingHttpClient client, String format, Map<String, String> fields, String idempotencyKey) {
        MutableHttpRequest<String> r = HttpRequest.POST(BASE + "requests." + format, form(fields))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if (idempotencyKey != null) {
            r.header("Idempotency-Key", idempotencyKey);
        }
        return exchange(client, r);
    }

    static Answer get(BlockingHttpClient client, String pathAndQuery) {
        return exchange(client, HttpRequest.GET(BASE + pathAndQuery));
    }

    static Answer exchange(BlockingHttpClient client, HttpRequest<?> request) {
        try {
            HttpResponse<String> r = client.exchange(request, String.class);
            return new Answer(r.code(), r.getContentType().map(Object::toString).orElse(""), r.body(), r);
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), e.getResponse().getContentType().map(Object::toString).orElse(""),
                    e.getResponse().getBody(String.class).orElse(""), e.getResponse());
        }
    }
}
