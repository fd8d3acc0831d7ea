package org.vigil.server.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.vigil.core.event.EventCodec;
import org.vigil.core.event.VigilEvent;
import org.vigil.core.radar.RadarSite;
import org.vigil.server.picture.Picture;
import org.vigil.server.picture.Theatre;
import org.vigil.server.recording.RawCursor;
import org.vigil.server.recording.RawStore;
import org.vigil.server.recording.RawVisitor;
import org.vigil.server.replay.PictureSinks;
import org.vigil.server.replay.Replayer;
import org.vigil.server.theatre.TheatreAreas;

/**
 * A picture node that follows the raw topic live and publishes the events of the areas of
 * responsibility it owns (docs/SCALE.md "Nodes", "Recovery"). Areas are handed out by a Kafka
 * consumer group over the area topic ({@link KafkaTopics#areas()}, one partition per area): the
 * group's assignment is the ownership, so when a node dies the group's rebalance moves its areas
 * to the survivors.
 *
 * <p>Every node builds the whole picture from the whole raw topic (the deterministic picture needs
 * every input to keep one track-number space), numbers its events 0, 1, … (the {@link
 * KafkaTopics#SEQ} header; the same on every node) and gives each event to one area: a track's
 * events to the area that owns the track ({@link AreaHandover}: where it is, until it is handed
 * over), events of no track or of a track outside every area to the first area. It publishes the
 * events of the areas it owns and keeps those of the others until their owner has published them,
 * so that a node taking an area over publishes exactly what follows the area's last committed record:
 * nothing lost, nothing doubled (one partition per area, written in transactions by a producer with
 * the area's own transactional id, which fences the area's earlier owner).
 *
 * <p>What this does not do: cut a node's work to its area. Each node pays for the whole picture;
 * a node is a hot standby of every area, not a share of the load (docs/SCALE.md "Cost").
 */
public final class AreaPictureNode {
    /** How often a node reads how far the owners of its other areas have published (to drop what they did). */
    private static final long TRIM_EVERY_NS = 2_000_000_000L;
    /** How often an owned area's open transaction is committed (its events become visible to the merger). */
    private static final long COMMIT_EVERY_NS = 100_000_000L;

    /**
     * What a node did: raw records read, events built, events it published, ownership changes, and
     * the data time its input spanned against the wall time it took from first to last record.
     */
    public record Stats(
            long raw, long events, long published, long assignments, long fenced, long dataNanos, long wallNanos) {
        /** Data seconds per wall second while input came (bounded by the ingest's pace when following live). */
        public double realTimeFactor() {
            return wallNanos <= 0 ? Double.NaN : (double) dataNanos / wallNanos;
        }
    }

    /** Called on each change of the areas this node owns (for the operator's log). */
    public interface Listener {
        void owns(List<String> areas);
    }

    private final String bootstrap;
    private final KafkaTopics topics;
    private final TheatreAreas areas;
    private final int n;
    private final long idleStopMs;
    private final Listener listener;
    private final boolean[] owned;
    private final long[] skipUpTo;
    private final List<ArrayDeque<Pending>> held = new ArrayList<>();
    /** Per owned area: its transactional producer, and the events sent in its open transaction. */
    private final List<KafkaProducer<String, byte[]>> producers = new ArrayList<>();

    private final List<ArrayDeque<Pending>> inflight = new ArrayList<>();
    private final AreaHandover ownership;
    private final byte[] schema = Integer.toString(EventCodec.SCHEMA).getBytes(StandardCharsets.US_ASCII);
    private KafkaConsumer<String, byte[]> group;
    private KafkaConsumer<String, byte[]> reader;
    private long seq, published, assignments, fenced, rawOffset = -1, lastTrim, lastCommit;

    /** An event kept for an area this node does not own (yet). */
    private record Pending(long seq, long time, String type, Long track, String json, long rawOffset) {}

    /**
     * @param areas      the theatre's areas (at least one)
     * @param idleStopMs stop after the raw topic has had nothing new for this long (0: follow forever)
     */
    public AreaPictureNode(
            String bootstrap, KafkaTopics topics, TheatreAreas areas, long idleStopMs, Listener listener) {
        if (areas.areas().isEmpty()) throw new IllegalArgumentException("the theatre has no areas of responsibility");
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.areas = areas;
        this.n = areas.areas().size();
        this.idleStopMs = idleStopMs;
        this.listener = listener;
        this.owned = new boolean[n];
        this.skipUpTo = new long[n];
        java.util.Arrays.fill(skipUpTo, -1);
        for (int i = 0; i < n; i++) {
            held.add(new ArrayDeque<>());
            inflight.add(new ArrayDeque<>());
            producers.add(null);
        }
        this.ownership = new AreaHandover(areas, e -> {});
    }

    /** Builds the picture of {@code theatre} from the raw topic as it grows; returns when idle (or never). */
    public Stats run(Theatre theatre, List<RadarSite> radars) throws IOException {
        // the backbone's topics too, so that a node may start before the ingest
        KafkaBackbone.createTopics(bootstrap, topics, KafkaBackbone.TopicLayout.SINGLE_BROKER, 30_000);
        KafkaBackbone.createTopic(bootstrap, topics.areas(), n, 30_000);
        reader = KafkaRawTopic.consumer(bootstrap);
        List<TopicPartition> all = new ArrayList<>();
        for (int i = 0; i < n; i++) all.add(new TopicPartition(topics.areas(), i));
        reader.assign(all);
        group = groupConsumer();
        group.subscribe(List.of(topics.areas()), new Rebalance());
        Picture picture = Picture.builder(theatre).events(this::onEvent).build();
        Following raw = new Following();
        try {
            Replayer.Summary s =
                    Replayer.recording(raw, radars, Long.MIN_VALUE, Long.MAX_VALUE, PictureSinks.of(picture));
            picture.flushEvents();
            for (int a = 0; a < n; a++) commit(a);
            if (undelivered != null) {
                throw new IllegalStateException("area events not delivered to " + topics.areas(), undelivered);
            }
            return new Stats(
                    s.delivered(),
                    seq,
                    published,
                    assignments,
                    fenced,
                    raw.lastData - raw.firstData,
                    raw.lastWall - raw.firstWall);
        } finally {
            group.close(); // leaves the group: the survivors take this node's areas at once
            reader.close();
            for (int a = 0; a < n; a++) dropProducer(a);
        }
    }

    /**
     * The producer of area {@code a}'s partition, with the area's own {@code transactional.id}:
     * starting it fences every earlier producer of the area (a node that owned it, paused past its
     * session and now resumed, can no longer write there) and aborts that producer's open
     * transaction, so the area's committed records are a prefix of its events written by one owner.
     */
    private KafkaProducer<String, byte[]> areaProducer(int a) {
        Properties config = KafkaBackbone.producerConfig(
                bootstrap, "vigil-picture-" + areas.areas().get(a).name());
        // unlike the live server's mirror, a picture node waits for the broker rather than drop an
        // event: a record refused for lack of metadata would be a hole in its area's sequence
        config.put(org.apache.kafka.clients.producer.ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        config.put(
                org.apache.kafka.clients.producer.ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(topics, a));
        config.put(org.apache.kafka.clients.producer.ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
        KafkaProducer<String, byte[]> p =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        p.initTransactions();
        p.beginTransaction();
        return p;
    }

    /** One transactional id per area and topic prefix: the fencing unit is the area, whichever node owns it. */
    static String transactionalId(KafkaTopics topics, int area) {
        return topics.prefix() + "picture-area-" + area;
    }

    /**
     * Commits area {@code a}'s open transaction and opens the next. A node fenced off the area (a
     * newer owner started its producer) gives the area up: the events of the aborted transaction go
     * back to those it keeps for the area, as if it had never owned it.
     */
    private void commit(int a) {
        KafkaProducer<String, byte[]> p = producers.get(a);
        if (p == null || inflight.get(a).isEmpty()) return;
        try {
            p.commitTransaction();
            inflight.get(a).clear();
            p.beginTransaction();
        } catch (org.apache.kafka.common.errors.ProducerFencedException
                | org.apache.kafka.common.errors.InvalidProducerEpochException e) {
            fenced++;
            System.err.println(
                    "picture node fenced off area " + areas.areas().get(a).name() + ": " + e);
            giveUp(a);
            announce();
        }
    }

    /** No longer the owner of area {@code a}: its uncommitted events are kept again, in order. */
    private void giveUp(int a) {
        owned[a] = false;
        ArrayDeque<Pending> back = inflight.get(a);
        ArrayDeque<Pending> q = held.get(a);
        while (!back.isEmpty()) q.addFirst(back.pollLast());
        dropProducer(a);
    }

    private void dropProducer(int a) {
        KafkaProducer<String, byte[]> p = producers.get(a);
        if (p == null) return;
        producers.set(a, null);
        p.close(Duration.ofSeconds(10)); // an open transaction is aborted by the area's next owner
    }

    private KafkaConsumer<String, byte[]> groupConsumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, topics.prefix() + "picture");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a node killed without a word is out of the group after this: its areas move within 30 s
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The group's assignment is the ownership of areas. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> parts) {
            // what this node published is committed before another node reads the area's end
            for (TopicPartition tp : parts) {
                commit(tp.partition());
                giveUp(tp.partition());
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> parts) {
            for (TopicPartition tp : parts) giveUp(tp.partition());
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> parts) {
            for (TopicPartition tp : parts) {
                int a = tp.partition();
                // first fence the area's earlier producers (their open transaction is aborted), then
                // read how far the area's committed records go
                producers.set(a, areaProducer(a));
                long last = lastPublished(a);
                skipUpTo[a] = last;
                owned[a] = true;
                ArrayDeque<Pending> q = held.get(a);
                while (!q.isEmpty()) {
                    Pending p = q.poll();
                    if (p.seq > last) send(a, p);
                }
            }
            assignments++;
            announce();
        }
    }

    private void announce() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) if (owned[i]) names.add(areas.areas().get(i).name());
        listener.owns(names);
    }

    /**
     * The {@link KafkaTopics#SEQ} of the last committed record of area {@code a}'s partition, -1 when
     * it has none. Read committed: the end is the last stable offset, and the offsets before it hold
     * transaction markers and aborted records besides events, so the last event is searched backwards
     * in growing windows.
     */
    private long lastPublished(int a) {
        TopicPartition tp = new TopicPartition(topics.areas(), a);
        long end = reader.endOffsets(List.of(tp)).get(tp);
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (long window = 64, from = end; from > 0; window *= 4) {
            from = Math.max(0, end - window);
            reader.seek(tp, from);
            long last = -1;
            while (reader.position(tp) < end) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("cannot read the end of " + tp);
                for (ConsumerRecord<String, byte[]> r :
                        reader.poll(Duration.ofMillis(250)).records(tp)) {
                    if (r.offset() < end) last = KafkaTopics.longHeader(r.headers(), KafkaTopics.SEQ, last);
                }
            }
            if (last >= 0) return last;
        }
        return -1;
    }

    private void onEvent(VigilEvent e) {
        long s = seq++;
        Long track = e.trackNumber();
        String before = track == null ? null : ownership.owner(track.intValue());
        ownership.accept(e);
        String after = track == null ? null : ownership.owner(track.intValue());
        String owner = after != null ? after : before;
        int a = owner == null ? 0 : areas.areas().indexOf(areas.area(owner));
        Pending p = new Pending(s, e.time(), e.type(), track, EventCodec.encode(e), rawOffset);
        if (owned[a]) {
            if (s > skipUpTo[a]) send(a, p);
        } else {
            held.get(a).add(p);
        }
    }

    /** A record not delivered (after the producer's retries): the first one, or null. */
    private volatile Exception undelivered;

    private final org.apache.kafka.clients.producer.Callback onDone = (meta, error) -> {
        if (error != null && undelivered == null) undelivered = error;
    };

    private void send(int area, Pending p) {
        RecordHeaders h = new RecordHeaders();
        h.add(new RecordHeader(KafkaTopics.SEQ, KafkaTopics.longBytes(p.seq)));
        h.add(new RecordHeader(KafkaTopics.SCHEMA, schema));
        h.add(new RecordHeader(KafkaTopics.TYPE, p.type.getBytes(StandardCharsets.US_ASCII)));
        h.add(new RecordHeader(KafkaTopics.DATA_NANOS, KafkaTopics.longBytes(p.time)));
        h.add(new RecordHeader(KafkaTopics.RAW_OFFSET, KafkaTopics.longBytes(p.rawOffset)));
        String key = p.track == null ? p.type : p.track.toString();
        inflight.get(area).add(p);
        var unused = producers
                .get(area)
                .send(
                        new ProducerRecord<>(
                                topics.areas(),
                                area,
                                Math.floorDiv(p.time, 1_000_000L),
                                key,
                                p.json.getBytes(StandardCharsets.UTF_8),
                                h),
                        onDone);
        published++;
    }

    /** Between raw batches: the group's heartbeat and rebalances; every few seconds, drop what other owners published. */
    private void tend() {
        if (undelivered != null) { // stop: the group gives this node's areas to a node that can publish
            throw new IllegalStateException("area events not delivered to " + topics.areas(), undelivered);
        }
        var unused = group.poll(Duration.ZERO);
        long now = System.nanoTime();
        if (now - lastCommit >= COMMIT_EVERY_NS) {
            lastCommit = now;
            for (int a = 0; a < n; a++) if (owned[a]) commit(a);
        }
        if (now - lastTrim < TRIM_EVERY_NS) return;
        lastTrim = now;
        for (int a = 0; a < n; a++) {
            if (owned[a] || held.get(a).isEmpty()) continue;
            long last = lastPublished(a);
            ArrayDeque<Pending> q = held.get(a);
            while (!q.isEmpty() && q.peek().seq <= last) q.poll();
        }
    }

    /** The raw topic's partition 0 from offset 0, followed as it grows, as a {@link RawStore}. */
    private final class Following implements RawStore {
        long firstData = Long.MIN_VALUE, lastData, firstWall, lastWall;

        @Override
        public int feedId(String feedName) {
            return -1;
        }

        @Override
        public boolean append(int feedId, long receiveNanos, long dataNanos, byte[] bytes, int offset, int length) {
            return false;
        }

        @Override
        public long read(long fromNanos, long toNanos, RawVisitor visitor) {
            throw new UnsupportedOperationException("a followed topic is read with its cursor");
        }

        @Override
        public RawCursor cursor(long fromNanos, long toNanos) {
            return new Cursor(this);
        }

        @Override
        public void sync() {}

        @Override
        public long applyRetention(org.vigil.server.recording.RetentionPolicy policy, long nowNanos) {
            return 0;
        }

        @Override
        public void close() {}
    }

    private final class Cursor implements RawCursor {
        private final KafkaConsumer<String, byte[]> consumer = KafkaRawTopic.consumer(bootstrap);
        private final TopicPartition tp = new TopicPartition(topics.raw(), 0);
        private Iterator<ConsumerRecord<String, byte[]>> batch = Collections.emptyIterator();
        private ConsumerRecord<String, byte[]> current;
        private long receive, data, lastRecordAt = System.nanoTime();
        private String lastKey;
        private final Following span;

        Cursor(Following span) {
            this.span = span;
            consumer.assign(List.of(tp));
            consumer.seek(tp, 0);
        }

        @Override
        public boolean next() {
            while (true) {
                while (batch.hasNext()) {
                    ConsumerRecord<String, byte[]> r = batch.next();
                    long rx = KafkaTopics.longHeader(r.headers(), KafkaTopics.RECEIVE_NANOS, Long.MIN_VALUE);
                    if (r.key() == null || r.value() == null || rx == Long.MIN_VALUE) continue;
                    current = r;
                    rawOffset = r.offset();
                    receive = rx;
                    data = KafkaTopics.longHeader(r.headers(), KafkaTopics.DATA_NANOS, rx);
                    span.lastWall = System.nanoTime();
                    if (span.firstData == Long.MIN_VALUE) {
                        span.firstData = data;
                        span.firstWall = span.lastWall;
                    }
                    span.lastData = Math.max(span.lastData, data);
                    if (!r.key().equals(lastKey)) lastKey = r.key(); // one String per feed, as the journal's cursor
                    return true;
                }
                tend();
                var records = consumer.poll(Duration.ofMillis(200)).records(tp);
                long now = System.nanoTime();
                if (!records.isEmpty()) lastRecordAt = now;
                else if (idleStopMs > 0
                        && current != null
                        && assignments > 0
                        && now - lastRecordAt > idleStopMs * 1_000_000L) {
                    return false; // idle since the last input (never before the first, nor before owning areas)
                }
                batch = records.iterator();
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
