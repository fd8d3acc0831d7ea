package org.vigil.server.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.event.EventCodec;
import org.vigil.server.recording.Recorder;

/**
 * The Kafka backbone of one process (docs/SCALE.md): every raw input the recorder journals goes to
 * {@link KafkaTopics#raw()}, every machine event it stores to {@link KafkaTopics#events()} (and the
 * {@code track.*} ones also to {@link KafkaTopics#tracks()}). Attached to the {@link Recorder} as
 * its mirror, so Kafka gets exactly what the journal and event store get, in the same order, and
 * a restart rebuild sends only the events the store did not have.
 *
 * <p>Producer: idempotent ({@code enable.idempotence}, {@code acks=all}), so a retried send is
 * not written twice and each partition keeps the send order. Sending never stops the picture: a
 * record the producer refuses (buffer full for longer than {@link #MAX_BLOCK_MS}) or fails to
 * deliver is counted ({@link #failed()}) and logged once per minute; the journal still has it.
 *
 * <p>Allocation: each record allocates (a copy of its bytes, the producer's record); the backbone
 * is off unless {@code --kafka} is given, and the per-message path without it is unchanged.
 */
public final class KafkaBackbone implements Recorder.RecordingMirror {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBackbone.class);
    /** How long a send may wait for buffer space or metadata before the record is counted as failed. */
    public static final long MAX_BLOCK_MS = 200;

    private final KafkaTopics topics;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong rawSent = new AtomicLong();
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastFailureLog = new AtomicLong(Long.MIN_VALUE);
    private final Callback onDone = (meta, error) -> {
        if (error != null) failure(error);
    };
    private final byte[] schema = Integer.toString(EventCodec.SCHEMA).getBytes(StandardCharsets.US_ASCII);

    private KafkaBackbone(KafkaTopics topics, KafkaProducer<String, byte[]> producer) {
        this.topics = topics;
        this.producer = producer;
    }

    /**
     * Connects to the brokers, creates the topics when missing and opens the producer.
     *
     * @param bootstrap {@code host:port[,host:port…]}
     * @throws IllegalArgumentException when no broker answers within {@code timeoutMs}, or a topic
     *     cannot be created: a clear start-up error rather than a picture silently not shared
     */
    public static KafkaBackbone connect(String bootstrap, KafkaTopics topics, TopicLayout layout, long timeoutMs) {
        createTopics(bootstrap, topics, layout, timeoutMs);
        KafkaBackbone b = new KafkaBackbone(
                topics,
                new KafkaProducer<>(
                        producerConfig(bootstrap, "vigil-" + topics.prefix() + "producer"),
                        new StringSerializer(),
                        new ByteArraySerializer()));
        b.warm(List.of(topics.raw(), topics.tracks(), topics.events()), timeoutMs);
        return b;
    }

    /**
     * Fetches the topics' metadata now, so that the first sends do not wait for it (a send waits at
     * most {@link #MAX_BLOCK_MS}, too short for a first metadata fetch from a busy broker).
     */
    void warm(List<String> names, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (String name : names) {
            while (true) {
                try {
                    var unused = producer.partitionsFor(name);
                    break;
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        producer.close(java.time.Duration.ZERO);
                        throw new IllegalArgumentException("Kafka: no metadata for topic " + name, e);
                    }
                }
            }
        }
    }

    static Properties producerConfig(String bootstrap, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // one request in flight: a retried batch is always the broker's last one, so it is recognised as
        // a duplicate (with more, a retry behind newer batches can be refused as out of order for good)
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return p;
    }

    /** A producer for {@link #send(String, String)} only (a node's own output topic). */
    static KafkaBackbone producer(String bootstrap) {
        return new KafkaBackbone(
                KafkaTopics.DEFAULT,
                new KafkaProducer<>(
                        producerConfig(bootstrap, "vigil-node"), new StringSerializer(), new ByteArraySerializer()));
    }

    /** Creates a one-partition event topic when missing (a node's output). */
    static void createTopic(String bootstrap, String topic, long timeoutMs) {
        createTopics(bootstrap, List.of(topic), TopicLayout.SINGLE_BROKER, timeoutMs);
    }

    /**
     * Creates {@code topic} with {@code partitions} partitions when missing (the area topic: one
     * partition per area of responsibility) and waits for their leaders.
     */
    static void createTopic(String bootstrap, String topic, int partitions, long timeoutMs) {
        createTopics(
                bootstrap,
                List.of(topic),
                new TopicLayout(
                        1,
                        partitions,
                        TopicLayout.SINGLE_BROKER.replication(),
                        TopicLayout.SINGLE_BROKER.rawRetentionMs(),
                        TopicLayout.SINGLE_BROKER.eventRetentionMs()),
                timeoutMs,
                partitions);
    }

    /** Sends one event line to {@code topic}, keyed by nothing (one partition keeps the order). */
    void send(String topic, String json) {
        send(new ProducerRecord<>(topic, null, (String) null, json.getBytes(StandardCharsets.UTF_8)), eventsSent);
    }

    /**
     * Partitions, replication and retention of the topics created at start (existing topics are
     * left as they are). Defaults: docs/SCALE.md.
     */
    public record TopicLayout(
            int rawPartitions, int trackPartitions, short replication, long rawRetentionMs, long eventRetentionMs) {
        /** One broker, raw and events in one partition each (one total order), tracks in 6; 7 days / 30 days. */
        public static final TopicLayout SINGLE_BROKER =
                new TopicLayout(1, 6, (short) 1, TimeUnit.DAYS.toMillis(7), TimeUnit.DAYS.toMillis(30));
    }

    static void createTopics(String bootstrap, KafkaTopics topics, TopicLayout layout, long timeoutMs) {
        createTopics(bootstrap, List.of(topics.raw(), topics.tracks(), topics.events()), layout, timeoutMs);
    }

    /**
     * Creates the missing ones of {@code names}: the raw topic (first of a backbone's three) with the
     * layout's raw partitions, a tracks topic (name ending {@code tracks}) with its track partitions,
     * every other one (events) with one partition.
     */
    private static void createTopics(String bootstrap, List<String> names, TopicLayout layout, long timeoutMs) {
        createTopics(bootstrap, names, layout, timeoutMs, 1);
    }

    /** As above, the topics that are neither raw nor tracks with {@code otherPartitions} partitions. */
    private static void createTopics(
            String bootstrap, List<String> names, TopicLayout layout, long timeoutMs, int otherPartitions) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, Integer.MAX_VALUE));
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
            List<NewTopic> create = new ArrayList<>();
            for (String name : names) {
                if (name.endsWith("raw")) {
                    add(create, existing, name, layout.rawPartitions(), layout, layout.rawRetentionMs());
                } else if (name.endsWith("tracks")) {
                    add(create, existing, name, layout.trackPartitions(), layout, layout.eventRetentionMs());
                } else { // an event stream is one ordered sequence: one partition (the area topic: one per area)
                    add(create, existing, name, otherPartitions, layout, layout.eventRetentionMs());
                }
            }
            if (create.isEmpty()) return;
            for (var f : admin.createTopics(create).values().values()) {
                try {
                    f.get(timeoutMs, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e; // another node was first
                }
            }
            awaitLeaders(admin, create, timeoutMs);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalArgumentException(
                    "Kafka at " + bootstrap + ": " + (e.getCause() == null ? e : e.getCause()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("Kafka at " + bootstrap + ": interrupted", e);
        }
    }

    /**
     * Waits until every partition of the new topics has a leader: a first send to a partition whose
     * leader is not yet known to the broker can leave the idempotent producer retrying a sequence
     * the broker already took (seen as an endless OutOfOrderSequenceException).
     */
    private static void awaitLeaders(Admin admin, List<NewTopic> created, long timeoutMs)
            throws ExecutionException, TimeoutException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (NewTopic t : created) names.add(t.name());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            boolean ready = true;
            for (var d : admin.describeTopics(names)
                    .allTopicNames()
                    .get(timeoutMs, TimeUnit.MILLISECONDS)
                    .values()) {
                for (var p : d.partitions())
                    ready &= p.leader() != null && !p.leader().isEmpty();
            }
            if (ready) return;
            if (System.nanoTime() > deadline) throw new TimeoutException("no leader for the new topics " + names);
            Thread.sleep(100);
        }
    }

    private static void add(
            List<NewTopic> out, Set<String> existing, String name, int partitions, TopicLayout l, long retentionMs) {
        if (existing.contains(name)) return;
        out.add(new NewTopic(name, partitions, l.replication())
                .configs(Map.of(
                        "retention.ms",
                        Long.toString(retentionMs),
                        // retention counts from arrival: a replayed or simulated input's data time
                        // may be years old (it travels in the DATA_NANOS header instead)
                        "message.timestamp.type",
                        "LogAppendTime")));
    }

    public KafkaTopics topics() {
        return topics;
    }

    @Override
    public void raw(String feed, long receiveNanos, long dataNanos, byte[] bytes, int offset, int length) {
        RecordHeaders h = new RecordHeaders();
        h.add(new RecordHeader(KafkaTopics.DATA_NANOS, KafkaTopics.longBytes(dataNanos)));
        h.add(new RecordHeader(KafkaTopics.RECEIVE_NANOS, KafkaTopics.longBytes(receiveNanos)));
        send(
                new ProducerRecord<>(
                        topics.raw(),
                        null,
                        Math.floorDiv(dataNanos, 1_000_000L),
                        feed,
                        Arrays.copyOfRange(bytes, offset, offset + length),
                        h),
                rawSent);
    }

    @Override
    public void event(String type, long dataTimeNanos, Long trackNumber, String json) {
        RecordHeaders h = new RecordHeaders();
        h.add(new RecordHeader(KafkaTopics.SCHEMA, schema));
        h.add(new RecordHeader(KafkaTopics.TYPE, type.getBytes(StandardCharsets.US_ASCII)));
        h.add(new RecordHeader(KafkaTopics.DATA_NANOS, KafkaTopics.longBytes(dataTimeNanos)));
        String key = trackNumber == null ? type : trackNumber.toString();
        byte[] value = json.getBytes(StandardCharsets.UTF_8);
        long ms = Math.floorDiv(dataTimeNanos, 1_000_000L);
        send(new ProducerRecord<>(topics.events(), null, ms, key, value, h), eventsSent);
        if (trackNumber != null && type.startsWith("track-")) {
            send(new ProducerRecord<>(topics.tracks(), null, ms, key, value, h), null);
        }
    }

    private void send(ProducerRecord<String, byte[]> r, AtomicLong counter) {
        try {
            var unused = producer.send(r, onDone); // the callback counts a failed delivery
            if (counter != null) counter.incrementAndGet();
        } catch (RuntimeException e) { // buffer full past MAX_BLOCK_MS, closed, too large
            failure(e);
        }
    }

    private void failure(Exception e) {
        failed.incrementAndGet();
        long now = System.nanoTime();
        long last = lastFailureLog.get();
        if ((last == Long.MIN_VALUE || now - last > TimeUnit.MINUTES.toNanos(1))
                && lastFailureLog.compareAndSet(last, now)) {
            LOG.warn("kafka: records not delivered ({} so far; the journal has them): {}", failed.get(), e.toString());
        }
    }

    /** Raw inputs handed to the producer. */
    public long rawSent() {
        return rawSent.get();
    }

    /** Events handed to the producer (each once, whether or not it also went to the tracks topic). */
    public long eventsSent() {
        return eventsSent.get();
    }

    /** Records refused or not delivered (logged; the journal and event store still have them). */
    public long failed() {
        return failed.get();
    }

    /**
     * This backbone as a mirror of raw inputs only (the ingest role, docs/SCALE.md "Nodes"): the
     * events of the ingest process's own picture stay local; the picture nodes make the shared ones.
     */
    public Recorder.RecordingMirror rawOnly() {
        KafkaBackbone b = this;
        return new Recorder.RecordingMirror() {
            @Override
            public void raw(String feed, long receiveNanos, long dataNanos, byte[] bytes, int offset, int length) {
                b.raw(feed, receiveNanos, dataNanos, bytes, offset, length);
            }

            @Override
            public void event(String type, long dataTimeNanos, Long trackNumber, String json) {}

            @Override
            public void close() {
                b.close();
            }
        };
    }

    /** Waits until every record sent so far is acknowledged (or failed). */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(10)); // delivers what is buffered first
        if (failed.get() > 0) LOG.warn("kafka: {} records were not delivered", failed.get());
    }
}
