package cn.mashang.common;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every JSON string of every request body: a JSON string and nothing else (a number, boolean, array or object
 * where text is expected is a 400, not coerced), checked by the one text rule ({@link Text}). Replaces serde's
 * built-in String deserializer.
 */
@Singleton
final class StrictTextDeserializer implements Deserializer<String> {

    @Override
    public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
        String field = field(type);
        var node = decoder.decodeNode();
        if (!node.isString()) {
            throw ApiException.badField(field, "应为文本");
        }
        return Text.check(field, node.getStringValue());
    }

    @Override
    public String deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super String> type)
            throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }

    @Override
    public boolean allowNull() {
        return true;
    }

    /** The JSON property a value belongs to (its argument's name; the type name for collection elements). */
    static String field(Argument<?> type) {
        String name = type.getName();
        return name == null || name.isEmpty() || name.equals(type.getType().getSimpleName()) ? "body" : name;
    }

    /** Lists of text (photo ids, …): serde reads List&lt;String&gt; with its own deserializer, replaced here too. */
    @Singleton
    static final class Lists implements Deserializer<List<String>> {
        @Override
        public List<String> deserialize(Decoder decoder, DecoderContext context, Argument<? super List<String>> type)
                throws IOException {
            String field = field(type);
            var node = decoder.decodeNode();
            if (!node.isArray()) {
                throw ApiException.badField(field, "应为文本列表");
            }
            List<String> out = new ArrayList<>(node.size());
            for (var item : node.values()) {
                if (!item.isString()) {
                    throw ApiException.badField(field, "应为文本");
                }
                out.add(Text.check(field, item.getStringValue()));
            }
            return out;
        }

        @Override
        public List<String> deserializeNullable(Decoder decoder, DecoderContext context,
                                                Argument<? super List<String>> type) throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, type);
        }

        @Override
        public boolean allowNull() {
            return true;
        }
    }
}
