package org.vigil.server.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The topics of the Kafka backbone, their keys and headers (docs/SCALE.md "Topics"): one place,
 * used by the producers and by every consumer.
 *
 * @param prefix topic name prefix (default {@code vigil.}); several systems may share a broker
 */
public record KafkaTopics(String prefix) {
    /** The default topic names: {@code vigil.raw}, {@code vigil.tracks}, {@code vigil.events}. */
    public static final KafkaTopics DEFAULT = new KafkaTopics("vigil.");

    /** Header: the input's data time, epoch nanoseconds, 8 bytes big-endian. */
    public static final String DATA_NANOS = "vigil.data-ns";
    /** Header: the input's receive time, epoch nanoseconds, 8 bytes big-endian. */
    public static final String RECEIVE_NANOS = "vigil.receive-ns";
    /** Header on event records: the {@link org.vigil.core.event.EventCodec#SCHEMA} of the JSON value, ASCII. */
    public static final String SCHEMA = "vigil.schema";
    /** Header on event records: the event's type, ASCII (filtering without parsing the JSON). */
    public static final String TYPE = "vigil.type";

    /** Header on area records: the event's place in the picture's one event sequence (0, 1, …), 8 bytes. */
    public static final String SEQ = "vigil.seq";
    /** Header on area records: the offset of the raw record whose processing produced the event, 8 bytes. */
    public static final String RAW_OFFSET = "vigil.raw-offset";

    public KafkaTopics {
        if (prefix == null || !prefix.matches("[A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("topic prefix: letters, digits, '.', '_', '-' only: " + prefix);
        }
    }

    /** Raw inputs as recorded in the journal: key = the journal's feed name (kind:source), value = its bytes. */
    public String raw() {
        return prefix + "raw";
    }

    /** System-track events ({@code track-*}), key = track number, per-track order. */
    public String tracks() {
        return prefix + "tracks";
    }

    /** Every event of the picture in its order (the event stream), key = track number or the type. */
    public String events() {
        return prefix + "events";
    }

    /**
     * The picture's events split by area of responsibility: partition i holds the events of the
     * theatre's area i (docs/SCALE.md "Nodes"), written by the picture node that owns the area.
     */
    public String areas() {
        return prefix + "areas";
    }

    /** The shared picture: the merger's one event stream with the hand-overs between areas. */
    public String shared() {
        return prefix + "shared";
    }

    static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>= 8;
        }
        return b;
    }

    /** The long of an 8-byte header, or {@code missing} when it is absent or not 8 bytes. */
    public static long longHeader(Headers headers, String key, long missing) {
        Header h = headers.lastHeader(key);
        if (h == null || h.value() == null || h.value().length != 8) return missing;
        long v = 0;
        for (byte x : h.value()) v = (v << 8) | (x & 0xff);
        return v;
    }

    /** The text of a header, or null. */
    public static String textHeader(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
