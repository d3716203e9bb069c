package cn.mashang.open311;

import cn.mashang.common.Times;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link Doc} as UTF-8 XML (StAX) or JSON; datetimes as W3C datetimes in +08:00. */
@Singleton
class Open311Writer {
    static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(Times.ZONE);
    private static final Map<String, String> SINGULAR = Map.of("attributes", "attribute", "values", "value",
            "endpoints", "endpoint", "formats", "format");
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();
    private final ObjectMapper json;

    Open311Writer(ObjectMapper json) {
        this.json = json;
    }

    byte[] write(Doc doc, Format format) {
        return format == Format.XML ? xml(doc) : json(doc);
    }

    /** The spec's error answer. */
    byte[] errors(int code, String description, Format format) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("description", description);
        return write(Doc.list("errors", "error", List.of(error)), format);
    }

    static String singular(String plural) {
        return SINGULAR.getOrDefault(plural, plural);
    }

    private byte[] json(Doc doc) {
        Object body = doc.item() != null ? plain(doc.items()) : plain(doc.fields());
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Instants become W3C strings; maps keep their order and their nulls. */
    private static Object plain(Object value) {
        if (value instanceof Instant i) {
            return W3C.format(i);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(plain(v)));
            return out;
        }
        return value;
    }

    private byte[] xml(Doc doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = xml.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(doc.root());
            if (doc.item() != null) {
                for (Map<String, Object> item : doc.items()) {
                    element(w, doc.item(), item);
                }
            } else {
                fields(w, doc.fields());
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML answer", e);
        }
        return out.toByteArray();
    }

    private static void fields(XMLStreamWriter w, Map<String, Object> fields) throws XMLStreamException {
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            element(w, f.getKey(), f.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        if (value == null) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        if (value instanceof Map<?, ?> m) {
            fields(w, (Map<String, Object>) m);
        } else if (value instanceof List<?> l) {
            for (Object entry : l) {
                element(w, singular(name), entry);
            }
        } else if (value instanceof Instant i) {
            w.writeCharacters(W3C.format(i));
        } else {
            w.writeCharacters(xmlText(String.valueOf(value)));
        }
        w.writeEndElement();
    }

    /** Drops the characters XML 1.0 cannot carry at all (C0 controls other than tab, CR, LF). */
    static String xmlText(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
            if (bad && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!bad && b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
