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
import org.vigil.server.kafka.KafkaMerger;
import org.vigil.server.kafka.KafkaPictureNode;
import org.vigil.server.kafka.KafkaRawTopic;
import org.vigil.server.kafka.KafkaTopics;
import org.vigil.server.radar.RadarConfig;
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
        picture,
        merger
    }

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "picture or merger.")
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
            required = true,
            paramLabel = "FILE",
            description = "Where the node writes its events, JSON lines (docs/EVENTS.md).")
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
        TheatreChoice.Resolved chosen;
        try {
            chosen = TheatreChoice.resolve(theatre.theatre, sim, false);
        } catch (ScenarioException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sim: " + e.getMessage());
        } catch (TheatreException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--theatre:\n" + e.getMessage());
        }
        try (BufferedWriter out = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
            if (role == Role.picture) {
                List<RadarSite> radars = new ArrayList<>();
                if (radarConfig != null)
                    radars.addAll(RadarConfig.load(radarConfig).sites());
                List<RadarSpec> specs = chosen.scenario() != null
                        ? chosen.scenario().radars()
                        : chosen.theatre().radars();
                if (radarConfig == null) for (RadarSpec r : specs) radars.add(SimFeed.site(r));
                KafkaPictureNode.Result r = KafkaPictureNode.replay(
                        new KafkaRawTopic(bootstrap, topics.raw(), 0, fromOffset, to), chosen.theatre(), radars);
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
}
