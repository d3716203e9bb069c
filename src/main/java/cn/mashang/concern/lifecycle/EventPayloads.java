package cn.mashang.concern.lifecycle;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The structured details of timeline events (concern_event.payload) as small JSON objects. */
@Singleton
class EventPayloads {
    private final ObjectMapper json;

    EventPayloads(ObjectMapper json) {
        this.json = json;
    }

    /** A small JSON object of the non-null pairs key, value, key, value, … */
    String write(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        try {
            return json.writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An instant stored under {@code key} in an event payload, or null. */
    Instant instant(@Nullable String payload, String key) {
        if (payload == null) {
            return null;
        }
        try {
            Map<?, ?> m = json.readValue(payload, Map.class);
            Object v = m.get(key);
            return v == null ? null : Instant.parse(v.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
