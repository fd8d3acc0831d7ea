package org.vigil.server.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.vigil.core.event.EventCodec;
import org.vigil.core.event.EventSink;
import org.vigil.server.theatre.TheatreAreas;

/**
 * The merger (docs/SCALE.md "Hand-over"): reads a range of offsets of an events topic, decodes each
 * record with the one codec and hands the stream, with the hand-over events of the theatre's areas
 * ({@link AreaHandover}), to {@code out}. The same offsets give the same stream.
 */
public final class KafkaMerger {
    private KafkaMerger() {}

    /** What one merge read: events passed on, records skipped (not an event, or a newer schema). */
    public record Counts(long events, long skipped, AreaHandover handover) {}

    /**
     * Merges offsets [from, to) of partition 0 of {@code topic} ({@link Long#MAX_VALUE}: up to its
     * end when the merge starts).
     */
    public static Counts merge(
            String bootstrap, String topic, long fromOffset, long toOffset, TheatreAreas areas, EventSink out) {
        AreaHandover handover = new AreaHandover(areas, out);
        long events = 0, skipped = 0;
        try (KafkaConsumer<String, byte[]> c = KafkaRawTopic.consumer(bootstrap)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            long end = Math.min(c.endOffsets(List.of(tp)).get(tp), toOffset);
            c.seek(tp, fromOffset);
            while (c.position(tp) < end) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= end) break;
                    try {
                        handover.accept(EventCodec.decode(new String(r.value(), StandardCharsets.UTF_8)));
                        events++;
                    } catch (IllegalArgumentException e) {
                        skipped++; // counted: a foreign record or a newer schema, never a crash
                    }
                }
            }
        }
        return new Counts(events, skipped, handover);
    }

    /** Every record value of partition 0 of {@code topic} as text, from the beginning to its end now. */
    static List<String> lines(String bootstrap, String topic) {
        List<String> out = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = KafkaRawTopic.consumer(bootstrap)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            c.seekToBeginning(List.of(tp));
            while (c.position(tp) < end) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end) out.add(new String(r.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
