package org.vigil.server.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.vigil.server.recording.RawCursor;
import org.vigil.server.recording.RawStore;
import org.vigil.server.recording.RawVisitor;

/**
 * A range of offsets of the raw topic read as a {@link RawStore}, so that the one replayer
 * ({@code replay.RecordingInput}, {@code replay.Replayer}) builds a picture from Kafka exactly as
 * it does from the journal: the same records in the same order give the same events
 * (docs/SCALE.md "Picture from the backbone"). Read-only; each cursor is its own consumer, assigned
 * to the partition (no consumer group: the offsets are the caller's).
 *
 * @param bootstrap brokers
 * @param topic     the raw topic ({@link KafkaTopics#raw()})
 * @param partition its partition (0: the one partition of the default layout)
 * @param fromOffset first offset read
 * @param toOffset  offset to stop before; {@link Long#MAX_VALUE}: the end of the partition when the cursor opens
 */
public record KafkaRawTopic(String bootstrap, String topic, int partition, long fromOffset, long toOffset)
        implements RawStore {

    @Override
    public int feedId(String feedName) {
        return -1; // read-only
    }

    @Override
    public boolean append(int feedId, long receiveNanos, long dataNanos, byte[] bytes, int offset, int length) {
        return false; // read-only
    }

    @Override
    public long read(long fromNanos, long toNanos, RawVisitor visitor) throws IOException {
        long n = 0;
        try (RawCursor c = cursor(fromNanos, toNanos)) {
            while (c.next()) {
                n++;
                if (!visitor.onRaw(c.feed(), c.receiveNanos(), c.dataNanos(), c.bytes(), c.offset(), c.length())) {
                    break;
                }
            }
        }
        return n;
    }

    /** The records with receive time in [from, to) of the offset range, in offset order. */
    @Override
    public RawCursor cursor(long fromNanos, long toNanos) {
        return new Cursor(fromNanos, toNanos);
    }

    @Override
    public void sync() {}

    /** Retention is the topic's ({@code retention.ms}), not the reader's. */
    @Override
    public long applyRetention(org.vigil.server.recording.RetentionPolicy policy, long nowNanos) {
        return 0;
    }

    @Override
    public void close() {}

    /** The partition's end offset now (the offset the next record will get). */
    public static long endOffset(String bootstrap, String topic, int partition) {
        try (KafkaConsumer<String, byte[]> c = consumer(bootstrap)) {
            TopicPartition tp = new TopicPartition(topic, partition);
            return c.endOffsets(List.of(tp)).get(tp);
        }
    }

    static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        // a reader never creates a topic (a broker's auto-created one would have the wrong partitions)
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private final class Cursor implements RawCursor {
        private final KafkaConsumer<String, byte[]> consumer = consumer(bootstrap);
        private final TopicPartition tp = new TopicPartition(topic, partition);
        private final long fromNanos, toNanos, end;
        private Iterator<ConsumerRecord<String, byte[]>> batch = java.util.Collections.emptyIterator();
        private ConsumerRecord<String, byte[]> current;
        private long receive, data;
        private String lastKey;

        Cursor(long fromNanos, long toNanos) {
            this.fromNanos = fromNanos;
            this.toNanos = toNanos;
            consumer.assign(List.of(tp));
            long e = consumer.endOffsets(List.of(tp)).get(tp);
            this.end = Math.min(e, toOffset);
            consumer.seek(tp, fromOffset);
        }

        @Override
        public boolean next() {
            while (true) {
                while (batch.hasNext()) {
                    ConsumerRecord<String, byte[]> r = batch.next();
                    if (r.offset() >= end) return false;
                    long rx = KafkaTopics.longHeader(r.headers(), KafkaTopics.RECEIVE_NANOS, Long.MIN_VALUE);
                    if (rx < fromNanos || rx >= toNanos || r.key() == null || r.value() == null) continue;
                    current = r;
                    receive = rx;
                    data = KafkaTopics.longHeader(r.headers(), KafkaTopics.DATA_NANOS, rx);
                    // one String per feed, as the journal's cursor gives (readers compare by identity)
                    if (!r.key().equals(lastKey)) lastKey = r.key();
                    return true;
                }
                if (consumer.position(tp) >= end) return false;
                batch = consumer.poll(Duration.ofMillis(500)).records(tp).iterator();
            }
        }

        @Override
        public String feed() {
            return lastKey;
        }

        @Override
        public long receiveNanos() {
            return receive;
        }

        @Override
        public long dataNanos() {
            return data;
        }

        @Override
        public byte[] bytes() {
            return current.value();
        }

        @Override
        public int offset() {
            return 0;
        }

        @Override
        public int length() {
            return current.value().length;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
