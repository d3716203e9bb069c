package cn.mashang.open311;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * An Open311 answer in a format-neutral shape, rendered by {@link Open311Writer}: a root element holding either
 * a list of items (JSON: an array) or the fields of one object (JSON: an object). Field values are null, strings,
 * numbers, booleans, instants (written as W3C datetimes with offset) or lists (XML: one child element per entry,
 * named by {@link Open311Writer#singular}).
 *
 * @param root  XML root element, e.g. {@code services}
 * @param item  XML element of each list entry, e.g. {@code service}; null when the answer is one object
 * @param items the entries (when {@code item} is set)
 * @param fields the object's fields (when {@code item} is null)
 */
record Doc(String root, @Nullable String item, List<Map<String, Object>> items, Map<String, Object> fields) {

    static Doc list(String root, String item, List<Map<String, Object>> items) {
        return new Doc(root, item, items, Map.of());
    }

    static Doc object(String root, Map<String, Object> fields) {
        return new Doc(root, null, List.of(), fields);
    }
}
