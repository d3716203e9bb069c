package cn.mashang.common;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalQuery;

/**
 * JSON dates and times of every request body: ISO-8601 text only (no epoch numbers), inside {@link InputWindow};
 * otherwise a 400 naming the property. Registered as serde beans, so they replace the built-in ones for reading
 * (writing is unchanged).
 */
final class WindowedTemporalDeserializers {
    private WindowedTemporalDeserializers() {
    }

    abstract static class Windowed<T extends Temporal> implements Deserializer<T> {
        private final DateTimeFormatter format;
        private final TemporalQuery<T> query;
        private final String expected;

        Windowed(DateTimeFormatter format, TemporalQuery<T> query, String expected) {
            this.format = format;
            this.query = query;
            this.expected = expected;
        }

        @Override
        public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            String field = StrictTextDeserializer.field(type);
            var node = decoder.decodeNode();
            if (!node.isString()) {
                throw ApiException.badField(field, "应为 " + expected + " 格式的文本");
            }
            T value;
            try {
                value = format.parse(node.getStringValue().strip(), query);
            } catch (DateTimeParseException e) {
                throw ApiException.badField(field, "格式应为 " + expected);
            }
            return InputWindow.check(field, value);
        }

        @Override
        public T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> type)
                throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, type);
        }

        @Override
        public boolean allowNull() {
            return true;
        }
    }

    @Singleton
    static final class Dates extends Windowed<LocalDate> {
        Dates() {
            super(DateTimeFormatter.ISO_LOCAL_DATE, LocalDate::from, "yyyy-MM-dd");
        }
    }

    @Singleton
    static final class DateTimes extends Windowed<LocalDateTime> {
        DateTimes() {
            super(DateTimeFormatter.ISO_LOCAL_DATE_TIME, LocalDateTime::from, "yyyy-MM-ddTHH:mm:ss");
        }
    }

    @Singleton
    static final class OffsetDateTimes extends Windowed<OffsetDateTime> {
        OffsetDateTimes() {
            super(DateTimeFormatter.ISO_OFFSET_DATE_TIME, OffsetDateTime::from, "yyyy-MM-ddTHH:mm:ss+08:00");
        }
    }

    @Singleton
    static final class ZonedDateTimes extends Windowed<ZonedDateTime> {
        ZonedDateTimes() {
            super(DateTimeFormatter.ISO_ZONED_DATE_TIME, ZonedDateTime::from, "yyyy-MM-ddTHH:mm:ss+08:00");
        }
    }

    @Singleton
    static final class Instants extends Windowed<Instant> {
        Instants() {
            super(DateTimeFormatter.ISO_INSTANT, Instant::from, "yyyy-MM-ddTHH:mm:ssZ");
        }
    }
}
