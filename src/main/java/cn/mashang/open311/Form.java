package cn.mashang.open311;

import io.micronaut.core.annotation.Nullable;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A POST body in {@code application/x-www-form-urlencoded} (UTF-8), as GeoReport v2 sends it; attributes as
 * {@code attribute[code]=value}, list attributes repeated or as {@code attribute[code][]=value}.
 */
record Form(Map<String, List<String>> fields, Map<String, List<String>> attributes) {
    static final int MAX_BYTES = 65_536;
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]{1,64})](\\[])?");

    static Form parse(@Nullable String body) {
        if (body != null && body.length() > MAX_BYTES) {
            throw Open311Exception.badRequest("the request body is larger than " + MAX_BYTES + " bytes");
        }
        Map<String, List<String>> all = new QueryStringDecoder(body == null ? "" : body, StandardCharsets.UTF_8,
                false, 256).parameters();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            Matcher m = ATTRIBUTE.matcher(k);
            if (m.matches()) {
                attributes.merge(m.group(1), v, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
            } else {
                fields.put(k, v);
            }
        });
        return new Form(fields, attributes);
    }

    /** The field's first value, stripped; null when absent or blank. */
    @Nullable
    String get(String name) {
        List<String> v = fields.get(name);
        if (v == null || v.isEmpty() || v.get(0).isBlank()) {
            return null;
        }
        return v.get(0).strip();
    }

    @Nullable
    String attribute(String code) {
        List<String> v = attributes.get(code);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0).strip();
    }
}
