package org.vigil.core.event;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The one time format of Vigil's events and views: ISO-8601 UTC with milliseconds
 * ({@code 2022-04-20T09:00:20.000Z}), from and to Unix epoch nanoseconds of data time. The
 * millisecond is the precision of the stream: formatting truncates (floor, also before 1970).
 */
public final class EventTime {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private EventTime() {}

    /** ISO-8601 UTC, milliseconds, from Unix epoch ns. */
    public static String format(long nanos) {
        return ISO.format(
                Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)));
    }

    /** Unix epoch ns of an ISO-8601 instant (any fraction digits, {@code Z} or offset). */
    public static long parse(String iso) {
        Instant t = Instant.parse(iso);
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    /** Truncates to the stream's precision (what a decoded event carries). */
    public static long toMillis(long nanos) {
        return Math.floorDiv(nanos, 1_000_000L) * 1_000_000L;
    }

    /** Marks an event component holding epoch ns that is written in the one time format. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({
        ElementType.FIELD,
        ElementType.METHOD,
        ElementType.PARAMETER,
        ElementType.RECORD_COMPONENT,
        ElementType.ANNOTATION_TYPE
    })
    @JacksonAnnotationsInside
    @JsonSerialize(using = Ser.class)
    @JsonDeserialize(using = De.class)
    public @interface Iso {}

    static final class Ser extends StdScalarSerializer<Long> {
        Ser() {
            super(Long.class);
        }

        @Override
        public void serialize(Long v, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeString(format(v));
        }
    }

    static final class De extends StdScalarDeserializer<Long> {
        De() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext c) throws IOException {
            String s = p.getValueAsString();
            try {
                return parse(s);
            } catch (DateTimeParseException | ArithmeticException | NullPointerException e) {
                return (Long) c.handleWeirdStringValue(Long.class, s, "not an ISO-8601 instant");
            }
        }
    }
}
