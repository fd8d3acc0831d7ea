package org.vigil.server.cli;

import org.vigil.server.kafka.KafkaBackbone;
import org.vigil.server.kafka.KafkaTopics;
import org.vigil.server.live.LiveServer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --kafka HOST:PORT}: share the raw inputs and events on a Kafka backbone (docs/SCALE.md). */
final class KafkaOption {
    @Option(
            names = "--kafka",
            paramLabel = "HOST:PORT[,HOST:PORT…]",
            description = "Kafka brokers (docs/SCALE.md). On run: every raw input and event also goes to the "
                    + "topics (created when missing); default none, nothing leaves the process.")
    String bootstrap;

    @Option(
            names = "--kafka-topic-prefix",
            paramLabel = "PREFIX",
            defaultValue = "vigil.",
            description = "With --kafka: prefix of the topic names (default ${DEFAULT-VALUE}: vigil.raw, "
                    + "vigil.tracks, vigil.events).")
    String prefix;

    private KafkaBackbone backbone;

    /** Connects when --kafka is given (a clear parameter error when no broker answers in 15 s). */
    void connect(CommandLine cmd) {
        if (bootstrap == null) return;
        try {
            backbone = KafkaBackbone.connect(
                    bootstrap, new KafkaTopics(prefix), KafkaBackbone.TopicLayout.SINGLE_BROKER, 15_000);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--kafka: " + e.getMessage());
        }
    }

    /** From now on the server's recorder also sends to Kafka (and closes the producer with it). */
    void attachTo(LiveServer server) {
        if (backbone == null) return;
        server.tap().recorder().mirror(backbone);
        System.out.println("Sharing raw inputs and events on Kafka at " + bootstrap + " (topics "
                + backbone.topics().raw() + ", " + backbone.topics().tracks() + ", "
                + backbone.topics().events()
                + ")");
    }
}
