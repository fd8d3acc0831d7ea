package org.vigil.server.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.core.event.EventSink;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.server.kafka.AreaPictureNode;
import org.vigil.server.kafka.KafkaBackbone;
import org.vigil.server.kafka.KafkaMerger;
import org.vigil.server.kafka.KafkaPictureNode;
import org.vigil.server.kafka.KafkaRawTopic;
import org.vigil.server.kafka.KafkaTopics;
import org.vigil.server.live.LiveServer;
import org.vigil.server.radar.RadarConfig;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioException;
import org.vigil.server.sim.SimFeed;
import org.vigil.server.theatre.TheatreAreas;
import org.vigil.server.theatre.TheatreChoice;
import org.vigil.server.theatre.TheatreException;
import org.vigil.server.theatre.TheatreLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil node}: one role of a scaled-out Vigil on Kafka (docs/SCALE.md). The ingest role is
 * {@code vigil run --kafka}; this command runs the picture and merger roles over a range of offsets.
 */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        description = "One role of a scaled-out Vigil on Kafka (docs/SCALE.md): picture (the picture built from "
                + "the raw topic) or merger (the shared event stream with hand-overs between the theatre's areas), "
                + "over the topic's offsets up to its end now. The ingest role is `vigil run --kafka`.",
        footer = {
            "",
            "Examples:",
            "  vigil node --role picture --kafka broker:9092 --sim black-sea-2022 --events picture.jsonl",
            "  vigil node --role merger --kafka broker:9092 --theatre black-sea-2022 --events shared.jsonl"
        })
public final class NodeCommand implements Callable<Integer> {
    /** The roles this command runs. */
    enum Role {
        ingest,
        picture,
        merger
    }

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "ingest, picture or merger.")
    Role role;

    /** --kafka (required here) and --kafka-topic-prefix, as on {@code vigil run}. */
    @CommandLine.Mixin
    KafkaOption kafka = new KafkaOption();

    @Option(
            names = "--from-offset",
            paramLabel = "N",
            defaultValue = "0",
            description = "First offset read (default ${DEFAULT-VALUE}).")
    long fromOffset;

    @Option(
            names = "--to-offset",
            paramLabel = "N",
            description = "Offset to stop before (default: the end of the topic when the node starts).")
    Long toOffset;

    @Option(
            names = "--events",
            paramLabel = "FILE",
            description = "picture, merger: where the node writes its events, JSON lines (docs/EVENTS.md); with "
                    + "--follow, the merger's shared picture (a picture node publishes to the area topic).")
    Path events;

    @Option(
            names = "--sim",
            paramLabel = "SCENARIO",
            description = "picture: the scenario the producer played, whose radar sites decode its ASTERIX.")
    String sim;

    @Option(
            names = "--radar-config",
            paramLabel = "FILE",
            description = "picture: the radar sites the producer's ASTERIX is decoded with (docs/RADAR.md).")
    Path radarConfig;

    @CommandLine.Mixin
    TheatreOption theatre = new TheatreOption();

    @Option(
            names = "--follow",
            description = "picture, merger: follow the topics live instead of reading a range: a picture node "
                    + "joins the group that shares the theatre's areas and publishes the events of the areas it "
                    + "owns to the area topic; the merger reads the area topic and writes the shared picture.")
    boolean follow;

    @Option(
            names = "--idle-stop",
            paramLabel = "SECONDS",
            defaultValue = "0",
            description = "With --follow: stop after the topic had nothing new for this long (default 0: never).")
    double idleStop;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            defaultValue = "600",
            description = "ingest: scenario seconds to play (default ${DEFAULT-VALUE}).")
    double duration;

    @Option(
            names = "--europe-load",
            paramLabel = "FLIGHTS",
            description = "ingest: play the Europe-wide load scenario with this many flights airborne (docs/SCALE.md "
                    + "\"Load scenario\"; e.g. 22000) instead of --sim; picture: decode with its radar sites.")
    Integer europeLoad;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "18",
            description = "With --europe-load: the scenario's seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--speed",
            paramLabel = "FACTOR",
            defaultValue = "1",
            description = "ingest: scenario seconds per wall-clock second (default ${DEFAULT-VALUE}; 0: as fast as "
                    + "possible).")
    double speed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (kafka.bootstrap == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kafka HOST:PORT is required");
        }
        String bootstrap = kafka.bootstrap;
        KafkaTopics topics;
        try {
            topics = new KafkaTopics(kafka.prefix);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kafka-topic-prefix: " + e.getMessage());
        }
        if (fromOffset < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from-offset must be >= 0");
        }
        long to = toOffset == null ? Long.MAX_VALUE : toOffset;
        if (europeLoad != null) {
            if (role == Role.merger || sim != null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--europe-load is for --role ingest or picture, instead of --sim");
            }
            Path file = Files.createTempFile("vigil-europe-load", ".yaml");
            file.toFile().deleteOnExit();
            Files.writeString(file, org.vigil.server.sim.EuropeLoadScenario.yaml(europeLoad, seed));
            sim = file.toString();
        }
        TheatreChoice.Resolved chosen;
        try {
            chosen = TheatreChoice.resolve(theatre.theatre, sim, false);
        } catch (ScenarioException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sim: " + e.getMessage());
        } catch (TheatreException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--theatre:\n" + e.getMessage());
        }
        if (role == Role.ingest) return ingest(bootstrap, topics, chosen);
        if (follow && role == Role.picture) return follow(bootstrap, topics, chosen);
        if (events == null) throw new CommandLine.ParameterException(spec.commandLine(), "--events FILE is required");
        if (follow) return follow(bootstrap, topics, chosen);
        try (BufferedWriter out = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
            if (role == Role.picture) {
                KafkaPictureNode.Result r = KafkaPictureNode.replay(
                        new KafkaRawTopic(bootstrap, topics.raw(), 0, fromOffset, to),
                        chosen.theatre(),
                        radars(chosen));
                for (String line : r.events()) out.append(line).append('\n');
                System.out.printf(
                        "picture: %d raw inputs of %s, %d events to %s%n",
                        r.summary().delivered(), topics.raw(), r.events().size(), events);
            } else {
                TheatreAreas areas = TheatreLoader.areas(
                        theatre.theatre != null
                                ? theatre.theatre
                                : chosen.theatre().name());
                KafkaMerger.Counts n =
                        KafkaMerger.merge(bootstrap, topics.events(), fromOffset, to, areas, EventSink.jsonLines(out));
                System.out.printf(
                        "merger: %d events of %s (%d skipped), %d hand-overs completed, to %s%n",
                        n.events(), topics.events(), n.skipped(), n.handover().completed(), events);
            }
        }
        return 0;
    }

    private List<RadarSite> radars(TheatreChoice.Resolved chosen) throws Exception {
        List<RadarSite> radars = new ArrayList<>();
        if (radarConfig != null) {
            radars.addAll(RadarConfig.load(radarConfig).sites());
            return radars;
        }
        List<RadarSpec> specs = chosen.scenario() != null
                ? chosen.scenario().radars()
                : chosen.theatre().radars();
        for (RadarSpec r : specs) radars.add(SimFeed.site(r));
        return radars;
    }

    /** The live roles: a picture node in the area group, or the merger of the area topic. */
    private int follow(String bootstrap, KafkaTopics topics, TheatreChoice.Resolved chosen) throws Exception {
        TheatreAreas areas = TheatreLoader.areas(chosen.theatre().name());
        long idleMs = Math.round(idleStop * 1000);
        if (role == Role.picture) {
            AreaPictureNode node = new AreaPictureNode(bootstrap, topics, areas, idleMs, owns -> {
                System.out.println("owns " + owns);
                System.out.flush();
            });
            AreaPictureNode.Stats s = node.run(chosen.theatre(), radars(chosen));
            System.out.printf(
                    java.util.Locale.ROOT,
                    "picture: %d raw inputs of %s, %d events, %d published to %s (fenced off an area %d times);"
                            + " %.1f s of data in %.1f s (real-time factor %.2f), process CPU %.1f s%n",
                    s.raw(),
                    topics.raw(),
                    s.events(),
                    s.published(),
                    topics.areas(),
                    s.fenced(),
                    s.dataNanos() / 1e9,
                    s.wallNanos() / 1e9,
                    s.realTimeFactor(),
                    processCpuSeconds());
            return 0;
        }
        try (BufferedWriter out = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
            KafkaMerger.Followed n =
                    KafkaMerger.followShared(bootstrap, topics, areas, idleMs, EventSink.jsonLines(out));
            System.out.printf(
                    "merger: %d events of %s (%d duplicates, %d missing, %d skipped), %d hand-overs completed,"
                            + " to %s and %s, process CPU %.1f s%n",
                    n.events(),
                    topics.areas(),
                    n.duplicates(),
                    n.missing(),
                    n.skipped(),
                    n.handover().completed(),
                    topics.shared(),
                    events,
                    processCpuSeconds());
        }
        return 0;
    }

    // CPU time of this process so far (all threads: the picture, the Kafka clients, the JIT and GC)
    private static double processCpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean x ? x.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    // the ingest role for a scenario: the simulator's feeds to the raw topic, paced by --speed
    private int ingest(String bootstrap, KafkaTopics topics, TheatreChoice.Resolved chosen) throws Exception {
        if (chosen.scenario() == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "ingest: --sim SCENARIO is required (for live feeds use `vigil run --kafka`)");
        }
        KafkaBackbone backbone;
        try {
            backbone = KafkaBackbone.connect(bootstrap, topics, KafkaBackbone.TopicLayout.SINGLE_BROKER, 15_000);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kafka: " + e.getMessage());
        }
        Path dir = Files.createTempDirectory("vigil-ingest");
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            try (LiveServer server = new LiveServer(chosen.theatre(), "127.0.0.1", 0, null, new RecordingTap(rec))) {
                rec.mirror(backbone.rawOnly());
                LiveSimulation sim = server.addInput(new LiveSimulation(server, chosen.scenario(), 1, false));
                server.start();
                for (double t = 1; t <= duration; t++) {
                    sim.advanceTo(t);
                    if (speed > 0) Thread.sleep(Math.round(1000 / speed));
                }
            }
            System.out.printf(
                    "ingest: %.0f s of %s, %d raw inputs to %s%n",
                    duration, chosen.scenario().name(), backbone.rawSent(), topics.raw());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
        return backbone.failed() == 0 ? 0 : 1;
    }
}
