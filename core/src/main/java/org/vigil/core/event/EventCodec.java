package org.vigil.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * The one encoder and decoder of {@link VigilEvent}s: one line of JSON per event (no newline), the
 * schema of docs/EVENTS.md, version {@link #SCHEMA}. Every writer (event files, the event store)
 * and every reader (restart, playback, export) goes through here, so the stream has one form.
 *
 * <p>Deterministic: keys in a fixed order (envelope, then the record's components), nulls left
 * out, numbers as the writer rounded them ({@code values} keep their fixed decimals as written, so
 * {@code 43.00000} reads back as {@code 43.00000}). Decoding ignores keys it does not know (a newer
 * writer may add some); an unknown {@code type} is an {@link IllegalArgumentException}, which
 * readers that must skip foreign types catch. Thread-safe (one configured mapper, never changed).
 */
public final class EventCodec {
    /**
     * The schema version every line carries as {@code schema}. Lines without it were written before
     * the field existed (version 1): same keys, read the same.
     */
    public static final int SCHEMA = 2;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private EventCodec() {}

    /** The event as one JSON line (without the newline). */
    public static String encode(VigilEvent e) {
        try {
            return MAPPER.writeValueAsString(e);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("event not serialisable: " + e.type(), x);
        }
    }

    /**
     * The event of one JSON line.
     *
     * @throws IllegalArgumentException not JSON, not an event, an unknown type, or a newer schema
     */
    public static VigilEvent decode(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) throw new IllegalArgumentException("not a JSON object: " + json);
            // the envelope is required (a missing time would otherwise read as 1970)
            if (!tree.path("time").isTextual() || !tree.path("type").isTextual()) {
                throw new IllegalArgumentException("no envelope (time, type): " + json);
            }
            int schema = tree.path("schema").asInt(1);
            if (schema > SCHEMA)
                throw new IllegalArgumentException("event schema " + schema + " is newer than " + SCHEMA);
            return MAPPER.treeToValue(tree, VigilEvent.class);
        } catch (JsonProcessingException x) {
            throw new IllegalArgumentException("not a Vigil event: " + x.getOriginalMessage(), x);
        }
    }

    /**
     * A part of an event (a plan, a target, a ranked unit) as a JSON tree in the stream's form, for
     * views that show the same thing the events say.
     */
    public static JsonNode tree(Object eventPart) {
        return MAPPER.valueToTree(eventPart);
    }

    /** An empty {@code values} object. */
    public static ObjectNode values() {
        return MAPPER.createObjectNode();
    }

    /**
     * Puts a value as the operator reads it: {@code formatted} is the number's text with its fixed
     * decimals ({@code 43.00000}), or, when {@code asText}, a string (squawk, ICAO address).
     */
    public static ObjectNode put(ObjectNode values, String name, String formatted, boolean asText) {
        if (asText) return values.put(name, formatted);
        try {
            if (formatted.indexOf('.') < 0 && formatted.indexOf('e') < 0 && formatted.indexOf('E') < 0) {
                long v = Long.parseLong(formatted);
                values.set(name, v == (int) v ? IntNode.valueOf((int) v) : LongNode.valueOf(v));
            } else {
                values.set(name, DecimalNode.valueOf(new BigDecimal(formatted)));
            }
        } catch (NumberFormatException notFinite) { // "Infinity": JSON has no such number
            values.put(name, formatted);
        }
        return values;
    }
}
