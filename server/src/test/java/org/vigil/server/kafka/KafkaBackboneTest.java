package org.vigil.server.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.event.EventCodec;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.server.cli.Theatres;
import org.vigil.server.live.LiveServer;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.RawCursor;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.recording.StoredEvent;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;

/**
 * The backbone on a real KRaft broker: a live run of the black-sea scenario with {@code --kafka}
 * puts every raw input of the journal on the raw topic (same bytes, same order, keyed by sensor,
 * data time in a header) and every stored event on the events topic (same JSON, same order,
 * schema header), the track events also keyed by track number on the tracks topic.
 */
class KafkaBackboneTest {
    static KafkaBroker broker;
    static final KafkaTopics topics = new KafkaTopics("live.");
    static Scenario sc;
    static List<RadarSite> radars = new ArrayList<>();
    static List<StoredEvent> stored;
    static List<String> journalFeeds = new ArrayList<>();
    static List<byte[]> journalBytes = new ArrayList<>();
    static List<Long> journalData = new ArrayList<>();
    static KafkaBackbone backbone;

    /** One broker and one live run with the backbone attached, shared by the tests of this class. */
    @BeforeAll
    static void startBrokerAndRun(@TempDir Path dir) throws Exception {
        broker = KafkaBroker.start();
        sc = ScenarioLoader.load("black-sea-2022");
        for (RadarSpec r : sc.radars()) radars.add(SimFeed.site(r));
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            backbone =
                    KafkaBackbone.connect(broker.bootstrap(), topics, KafkaBackbone.TopicLayout.SINGLE_BROKER, 30_000);
            try (LiveServer server =
                    new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(rec))) {
                rec.mirror(backbone);
                LiveSimulation sim = server.addInput(new LiveSimulation(server, sc, 1, false));
                server.start();
                sim.advanceTo(2 * 60);
            }
            rec.sync();
            stored = rec.events().query(EventQuery.all().limit(EventQuery.DEFAULT_LIMIT));
            try (RawCursor c = rec.raw().cursor(Long.MIN_VALUE, Long.MAX_VALUE)) {
                while (c.next()) {
                    journalFeeds.add(c.feed());
                    journalBytes.add(Arrays.copyOfRange(c.bytes(), c.offset(), c.offset() + c.length()));
                    journalData.add(c.dataNanos());
                }
            }
        } // closes the mirror: the producer delivers what it holds
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) broker.close();
    }

    @Test
    @Timeout(120)
    void aLiveRunSharesItsJournalAndEventsOnKafka() throws Exception {
        assertThat(backbone.failed()).isZero();

        List<ConsumerRecord<String, byte[]>> raw = broker.readAll(topics.raw());
        assertThat(journalFeeds).hasSizeGreaterThan(1000);
        assertThat(raw).hasSize(journalFeeds.size());
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            ConsumerRecord<String, byte[]> r = raw.get(i);
            assertThat(r.key()).as("sensor key of record %d", i).isEqualTo(journalFeeds.get(i));
            assertThat(r.value()).as("bytes of record %d", i).isEqualTo(journalBytes.get(i));
            assertThat(KafkaTopics.longHeader(r.headers(), KafkaTopics.DATA_NANOS, -1))
                    .isEqualTo(journalData.get(i));
            assertThat(r.timestampType()).isEqualTo(org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME);
            kinds.add(r.key().substring(0, r.key().indexOf(':') + 1));
        }
        assertThat(kinds).contains("modes:", "asterix:", "fpl:");

        List<ConsumerRecord<String, byte[]>> events = broker.readAll(topics.events());
        assertThat(stored).isNotEmpty();
        assertThat(events).hasSize(stored.size());
        int trackEvents = 0;
        for (int i = 0; i < events.size(); i++) {
            ConsumerRecord<String, byte[]> r = events.get(i);
            StoredEvent s = stored.get(i);
            String json = new String(r.value(), StandardCharsets.UTF_8);
            assertThat(json).as("event %d", i).isEqualTo(s.payloadJson());
            assertThat(EventCodec.decode(json).type()).isEqualTo(s.type());
            assertThat(KafkaTopics.textHeader(r.headers(), KafkaTopics.TYPE)).isEqualTo(s.type());
            assertThat(KafkaTopics.textHeader(r.headers(), KafkaTopics.SCHEMA))
                    .isEqualTo(Integer.toString(EventCodec.SCHEMA));
            assertThat(r.key())
                    .isEqualTo(
                            s.trackNumber() == null ? s.type() : s.trackNumber().toString());
            if (s.type().startsWith("track-") && s.trackNumber() != null) trackEvents++;
        }
        assertThat(trackEvents).isPositive();
        int partitions = broker.partitions(topics.tracks());
        assertThat(partitions).isEqualTo(KafkaBackbone.TopicLayout.SINGLE_BROKER.trackPartitions());
        int onTracks = 0;
        for (int p = 0; p < partitions; p++) {
            for (ConsumerRecord<String, byte[]> r : broker.readAll(topics.tracks(), p)) {
                assertThat(KafkaTopics.textHeader(r.headers(), KafkaTopics.TYPE))
                        .startsWith("track-");
                onTracks++;
            }
        }
        assertThat(onTracks).isEqualTo(trackEvents);
    }

    /**
     * A picture node built from the raw topic alone gives the single-process picture: the same
     * events, byte for byte, as the live run stored; and the same offsets read again give the same
     * events again (docs/SCALE.md "Picture from the backbone").
     */
    @Test
    @Timeout(120)
    void aPictureFromTheRawTopicIsTheLivePicture() throws Exception {
        long end = KafkaRawTopic.endOffset(broker.bootstrap(), topics.raw(), 0);
        assertThat(end).isEqualTo(journalFeeds.size());
        List<String> first = KafkaPictureNode.replay(
                        new KafkaRawTopic(broker.bootstrap(), topics.raw(), 0, 0, end),
                        Theatres.builtIn("black-sea-2022"),
                        radars)
                .events();
        assertThat(first).hasSize(stored.size());
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i)).as("event %d", i).isEqualTo(stored.get(i).payloadJson());
        }
        List<String> again = KafkaPictureNode.replay(
                        new KafkaRawTopic(broker.bootstrap(), topics.raw(), 0, 0, end),
                        Theatres.builtIn("black-sea-2022"),
                        radars)
                .events();
        assertThat(again).isEqualTo(first);
    }

    /**
     * A track flying east across the three Black Sea areas, its events on a real events topic: the
     * merger's shared picture keeps its one track number and shows offered, accepted, completed at
     * each boundary (west to coast, coast to east), with every input event once.
     */
    @Test
    @Timeout(60)
    void aTrackAcrossThreeAreasKeepsOneIdentityAndIsHandedOver() throws Exception {
        KafkaTopics t = new KafkaTopics("handover.");
        List<org.vigil.core.event.VigilEvent> flight = new ArrayList<>();
        long t0 = org.vigil.core.event.EventTime.parse("2022-04-20T09:00:00.000Z");
        flight.add(new org.vigil.core.event.TrackEvent.Initiated(
                t0,
                7,
                "tentative",
                44.0,
                25.0,
                35000L,
                450,
                90,
                0L,
                100,
                "4B1812",
                "THY4TR",
                "2000",
                List.of("ADS-B"),
                false));
        for (int i = 1; i <= 100; i++) { // 0.1 degree a step east, 25.0 to 35.0
            flight.add(new org.vigil.core.event.TrackEvent.Updated(
                    t0 + i * 5_000_000_000L, 7, 44.0, (250 + i) / 10.0, 35000L, 450, 90, 0L, 100, List.of("ADS-B")));
        }
        try (KafkaBackbone b =
                KafkaBackbone.connect(broker.bootstrap(), t, KafkaBackbone.TopicLayout.SINGLE_BROKER, 30_000)) {
            for (var e : flight) {
                var x = org.vigil.server.recording.EncodedEvent.of(e);
                b.event(x.type(), x.timeNanos(), x.track(), x.json());
            }
            b.flush();
            assertThat(b.failed()).isZero();
        }
        List<org.vigil.core.event.VigilEvent> shared = new ArrayList<>();
        KafkaMerger.Counts n = KafkaMerger.merge(
                broker.bootstrap(),
                t.events(),
                0,
                Long.MAX_VALUE,
                org.vigil.server.theatre.TheatreLoader.areas("black-sea-2022"),
                shared::add);
        assertThat(n.events()).isEqualTo(flight.size());
        assertThat(n.skipped()).isZero();
        List<String> handovers = new ArrayList<>();
        for (var e : shared) {
            assertThat(e.trackNumber()).as("one identity").isEqualTo(7L);
            if (e instanceof org.vigil.core.event.TrackEvent.HandoverOffered h)
                handovers.add("offered " + h.from() + ">" + h.to());
            if (e instanceof org.vigil.core.event.TrackEvent.HandoverAccepted h)
                handovers.add("accepted " + h.from() + ">" + h.to());
            if (e instanceof org.vigil.core.event.TrackEvent.HandoverCompleted h)
                handovers.add("completed " + h.from() + ">" + h.to() + " at " + h.lon());
        }
        assertThat(handovers)
                .containsExactly(
                        "offered west>coast",
                        "accepted west>coast",
                        "completed west>coast at 27.0",
                        "offered coast>east",
                        "accepted coast>east",
                        "completed coast>east at 33.0");
        // every input event once, in order, the hand-over events between them
        assertThat(shared.stream()
                        .filter(e -> !e.type().startsWith("handover-"))
                        .toList())
                .isEqualTo(flight);
        assertThat(n.handover().owner(7)).isEqualTo("east");
    }

    /** The live run's events through the merger: each once, in order; hand-overs only between areas. */
    @Test
    @Timeout(60)
    void theMergerPassesEveryEventOnceAndHandsOverBetweenAreas() throws Exception {
        List<String> shared = new ArrayList<>();
        List<org.vigil.core.event.VigilEvent> handovers = new ArrayList<>();
        KafkaMerger.Counts n = KafkaMerger.merge(
                broker.bootstrap(),
                topics.events(),
                0,
                Long.MAX_VALUE,
                org.vigil.server.theatre.TheatreLoader.areas("black-sea-2022"),
                e -> {
                    if (e.type().startsWith("handover-")) handovers.add(e);
                    else shared.add(EventCodec.encode(e));
                });
        assertThat(n.skipped()).isZero();
        assertThat(shared).hasSize(stored.size());
        for (int i = 0; i < shared.size(); i++)
            assertThat(shared.get(i)).isEqualTo(stored.get(i).payloadJson());
        assertThat(n.handover().completed()).isLessThanOrEqualTo(n.handover().accepted());
        assertThat(n.handover().accepted()).isLessThanOrEqualTo(n.handover().offered());
        for (var e : handovers) {
            if (e instanceof org.vigil.core.event.TrackEvent.HandoverCompleted h) {
                assertThat(h.from()).isNotEqualTo(h.to());
            }
        }
    }

    /** `vigil node --role picture` and `--role merger` over the live run's topics. */
    @Test
    @Timeout(120)
    void nodeCommandsRunThePictureAndMergerRoles(@TempDir Path out) throws Exception {
        Path picture = out.resolve("picture.jsonl");
        int code = new picocli.CommandLine(new org.vigil.server.cli.NodeCommand())
                .execute(
                        "--role",
                        "picture",
                        "--kafka",
                        broker.bootstrap(),
                        "--kafka-topic-prefix",
                        "live.",
                        "--sim",
                        "black-sea-2022",
                        "--events",
                        picture.toString());
        assertThat(code).isZero();
        List<String> lines = java.nio.file.Files.readAllLines(picture);
        assertThat(lines).hasSize(stored.size());
        for (int i = 0; i < lines.size(); i++)
            assertThat(lines.get(i)).isEqualTo(stored.get(i).payloadJson());
        Path shared = out.resolve("shared.jsonl");
        code = new picocli.CommandLine(new org.vigil.server.cli.NodeCommand())
                .execute(
                        "--role",
                        "merger",
                        "--kafka",
                        broker.bootstrap(),
                        "--kafka-topic-prefix",
                        "live.",
                        "--theatre",
                        "black-sea-2022",
                        "--events",
                        shared.toString());
        assertThat(code).isZero();
        List<String> merged = java.nio.file.Files.readAllLines(shared);
        assertThat(merged.stream()
                        .filter(l -> !l.contains("\"type\":\"handover-"))
                        .toList())
                .isEqualTo(lines);
    }

    /**
     * A picture node publishing its events stops half-way through the raw topic (what a crash
     * leaves: a prefix of its events on its topic) and starts again over the whole range: the topic
     * then holds the live run's events, each once, in order; a third start publishes nothing.
     */
    @Test
    @Timeout(120)
    void aPictureNodeResumesWithoutLosingOrDoublingEvents() throws Exception {
        String out = "live.picture";
        long end = KafkaRawTopic.endOffset(broker.bootstrap(), topics.raw(), 0);
        KafkaPictureNode.Published first = KafkaPictureNode.publish(
                new KafkaRawTopic(broker.bootstrap(), topics.raw(), 0, 0, end / 2),
                Theatres.builtIn("black-sea-2022"),
                radars,
                out);
        assertThat(first.alreadyThere()).isZero();
        assertThat(first.published()).isPositive().isLessThan(stored.size());
        KafkaPictureNode.Published second = KafkaPictureNode.publish(
                new KafkaRawTopic(broker.bootstrap(), topics.raw(), 0, 0, end),
                Theatres.builtIn("black-sea-2022"),
                radars,
                out);
        assertThat(second.alreadyThere()).isEqualTo(first.published());
        assertThat(second.published()).isEqualTo(stored.size() - first.published());
        List<String> lines = KafkaMerger.lines(broker.bootstrap(), out);
        assertThat(lines).hasSize(stored.size());
        for (int i = 0; i < lines.size(); i++)
            assertThat(lines.get(i)).isEqualTo(stored.get(i).payloadJson());
        KafkaPictureNode.Published third = KafkaPictureNode.publish(
                new KafkaRawTopic(broker.bootstrap(), topics.raw(), 0, 0, end),
                Theatres.builtIn("black-sea-2022"),
                radars,
                out);
        assertThat(third.published()).isZero();
        assertThat(KafkaMerger.lines(broker.bootstrap(), out)).hasSize(stored.size());
    }

    /**
     * Fencing (docs/SCALE.md "Recovery"): an earlier owner of an area with a transaction open on
     * the area's partition (a node paused past its session, then resumed: a zombie) is fenced off
     * when a picture node takes the area: its record is never visible, it cannot commit, and the area
     * topic holds every event of the picture exactly once.
     */
    @Test
    @Timeout(180)
    void aZombieOwnerIsFencedOffItsAreaAndEveryEventIsPublishedOnce() throws Exception {
        KafkaTopics fenced = new KafkaTopics("fence.");
        String b = broker.bootstrap();
        var areas = org.vigil.server.theatre.TheatreLoader.areas("black-sea-2022");
        int n = areas.areas().size();
        KafkaBackbone.createTopic(b, fenced.areas(), n, 30_000);
        // the node follows fence.raw: the live run's raw records, copied in order
        KafkaBackbone.createTopics(b, fenced, KafkaBackbone.TopicLayout.SINGLE_BROKER, 30_000);
        try (var out = new org.apache.kafka.clients.producer.KafkaProducer<>(
                KafkaBackbone.producerConfig(b, "copy"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> r : broker.readAll(topics.raw())) {
                var unused = out.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                        fenced.raw(), 0, r.key(), r.value(), r.headers()));
            }
            out.flush();
        }
        java.util.Properties zc = KafkaBackbone.producerConfig(b, "zombie");
        zc.put(org.apache.kafka.clients.producer.ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        zc.put(
                org.apache.kafka.clients.producer.ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                AreaPictureNode.transactionalId(fenced, 0));
        try (var zombie = new org.apache.kafka.clients.producer.KafkaProducer<>(
                zc,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            zombie.initTransactions();
            zombie.beginTransaction();
            var h = new org.apache.kafka.common.header.internals.RecordHeaders();
            h.add(KafkaTopics.SEQ, KafkaTopics.longBytes(0));
            var unused = zombie.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                    fenced.areas(), 0, null, "zombie", "zombie".getBytes(StandardCharsets.UTF_8), h));
            zombie.flush(); // on the partition, in an open transaction

            List<List<String>> owned = new ArrayList<>();
            AreaPictureNode.Stats s = new AreaPictureNode(b, fenced, areas, 3_000, owned::add)
                    .run(Theatres.builtIn("black-sea-2022"), radars);
            assertThat(owned).isNotEmpty();
            assertThat(owned.get(owned.size() - 1)).hasSize(n);
            assertThat(s.fenced()).isZero();
            assertThatThrownBy(zombie::commitTransaction)
                    .isInstanceOfAny(
                            org.apache.kafka.common.errors.ProducerFencedException.class,
                            org.apache.kafka.common.errors.InvalidProducerEpochException.class);

            // every event of the picture once, none of the zombie's
            java.util.TreeMap<Long, String> bySeq = new java.util.TreeMap<>();
            int records = 0;
            for (int a = 0; a < n; a++) {
                for (ConsumerRecord<String, byte[]> r : broker.readAll(fenced.areas(), a)) {
                    records++;
                    bySeq.put(
                            KafkaTopics.longHeader(r.headers(), KafkaTopics.SEQ, -1),
                            new String(r.value(), StandardCharsets.UTF_8));
                }
            }
            assertThat(bySeq.values()).doesNotContain("zombie");
            assertThat(records).isEqualTo(bySeq.size());
            assertThat(List.copyOf(bySeq.values()))
                    .isEqualTo(stored.stream().map(StoredEvent::payloadJson).toList());
        }
    }

    @Test
    @Timeout(60)
    void noBrokerIsAClearStartError() {
        assertThatThrownBy(() -> KafkaBackbone.connect(
                        "127.0.0.1:1", KafkaTopics.DEFAULT, KafkaBackbone.TopicLayout.SINGLE_BROKER, 2_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kafka at 127.0.0.1:1");
    }
}
