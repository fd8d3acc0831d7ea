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

    /**
     * What a live merge did: events passed on in sequence, records seen twice (same {@link
     * KafkaTopics#SEQ}) and numbers never seen (a gap at the end), records skipped (not an event).
     */
    public record Followed(long events, long duplicates, long missing, long skipped, AreaHandover handover) {}

    /**
     * The shared picture from the area topic ({@link KafkaTopics#areas()}, docs/SCALE.md "Nodes"):
     * follows every partition from its start, puts the records back in the picture's one sequence
     * by their {@link KafkaTopics#SEQ} header, and hands the events, with the hand-overs between
     * the areas, to {@code out}. Stops once no record came for {@code idleStopMs} (0: never); a
     * number still missing then is counted and skipped over.
     */
    public static Followed follow(
            String bootstrap, KafkaTopics topics, TheatreAreas areas, long idleStopMs, EventSink out) {
        AreaHandover handover = new AreaHandover(areas, out);
        java.util.TreeMap<Long, byte[]> waiting = new java.util.TreeMap<>();
        long next = 0, events = 0, duplicates = 0, missing = 0, skipped = 0;
        // created here too (one partition per area) when the merger starts before the picture nodes
        KafkaBackbone.createTopic(bootstrap, topics.areas(), areas.areas().size(), 30_000);
        try (KafkaConsumer<String, byte[]> c = KafkaRawTopic.consumer(bootstrap)) {
            List<TopicPartition> parts = new java.util.ArrayList<>();
            for (var info : c.partitionsFor(topics.areas(), Duration.ofSeconds(30)))
                parts.add(new TopicPartition(topics.areas(), info.partition()));
            c.assign(parts);
            c.seekToBeginning(parts);
            long lastRecordAt = System.nanoTime();
            while (true) {
                var records = c.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                if (!records.isEmpty()) lastRecordAt = now;
                for (ConsumerRecord<String, byte[]> r : records) {
                    long s = KafkaTopics.longHeader(r.headers(), KafkaTopics.SEQ, -1);
                    if (s < 0) skipped++;
                    else if (s < next || waiting.putIfAbsent(s, r.value()) != null) duplicates++;
                }
                boolean idle = idleStopMs > 0 && next > 0 && now - lastRecordAt > idleStopMs * 1_000_000L;
                while (!waiting.isEmpty() && (waiting.firstKey() == next || idle)) {
                    var first = waiting.pollFirstEntry();
                    missing += first.getKey() - next;
                    next = first.getKey() + 1;
                    try {
                        handover.accept(EventCodec.decode(new String(first.getValue(), StandardCharsets.UTF_8)));
                        events++;
                    } catch (IllegalArgumentException e) {
                        skipped++; // counted: a foreign record or a newer schema, never a crash
                    }
                }
                if (idle) break;
            }
        }
        return new Followed(events, duplicates, missing, skipped, handover);
    }

    /**
     * As {@link #follow}, each event of the shared picture also published, one JSON line per
     * record, to {@link KafkaTopics#shared()} (created when missing; one partition, in order).
     */
    public static Followed followShared(
            String bootstrap, KafkaTopics topics, TheatreAreas areas, long idleStopMs, EventSink out) {
        KafkaBackbone.createTopic(bootstrap, topics.shared(), 30_000);
        try (KafkaBackbone shared = KafkaBackbone.producer(bootstrap)) {
            shared.warm(List.of(topics.shared()), 30_000);
            Followed n = follow(bootstrap, topics, areas, idleStopMs, e -> {
                out.accept(e);
                shared.send(topics.shared(), EventCodec.encode(e));
            });
            shared.flush();
            if (shared.failed() > 0) throw new IllegalStateException(shared.failed() + " shared events not delivered");
            return n;
        }
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
