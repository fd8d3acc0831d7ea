package org.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimRunner;
import picocli.CommandLine;

/**
 * {@code vigil replay DIR --events OUT.jsonl} with identification: 13 minutes of the default
 * scenario (the spoofed WZZ4375 at 6 min, ROT263's radio loss at 12 min) replayed twice through the
 * command. One stream holds the tracker's and identification's events, in data-time order, the same
 * bytes both times; the alerts carry their rule names, the radio loss comes from the simulated
 * controller, and track events name their sensors (the writer is bound behind the ident stage).
 */
class ReplayIdentEventsTest {
    @TempDir
    static Path dir;

    static byte[] first, second;
    static String stdout;
    static final List<JsonNode> lines = new ArrayList<>();

    @BeforeAll
    static void replayTwice() throws Exception {
        Path sim = dir.resolve("sim");
        SimRunner.run(ScenarioLoader.load("black-sea-2022"), sim, 13 * 60.0, null);
        Path a = dir.resolve("a.jsonl"), b = dir.resolve("b.jsonl");
        stdout = replay(sim, a);
        replay(sim, b);
        first = Files.readAllBytes(a);
        second = Files.readAllBytes(b);
        ObjectMapper json = new ObjectMapper();
        for (String l : Files.readAllLines(a, StandardCharsets.UTF_8)) lines.add(json.readTree(l));
    }

    static String replay(Path sim, Path events) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = new CommandLine(new ReplayCommand()).execute(sim.toString(), "--events", events.toString());
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        return out;
    }

    @Test
    void twoReplaysGiveIdenticalBytes() {
        assertThat(first.length).isGreaterThan(100_000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void trackAndIdentificationEventsShareOneTimeOrderedStream() {
        Set<String> types = new HashSet<>();
        Instant last = Instant.MIN;
        for (JsonNode n : lines) {
            Instant t = Instant.parse(n.get("time").asText());
            assertThat(t).as(n.toString()).isAfterOrEqualTo(last);
            last = t;
            types.add(n.get("type").asText());
            assertThat(n.get("track").isInt()).as(n.toString()).isTrue();
        }
        assertThat(types)
                .contains(
                        "track-initiated",
                        "track-confirmed",
                        "track-updated",
                        "track-deleted",
                        "identification-started",
                        "rule-fired",
                        "identity-changed",
                        "alert-raised",
                        "operator-input");
        assertThat(stdout).containsPattern("Identification: [\\d,]+ track updates identified");
    }

    @Test
    void alertsNameTheirRulesAndTheControllerEntersTheRadioLoss() {
        Set<String> rules = new HashSet<>();
        for (JsonNode n : lines)
            if (n.get("type").asText().equals("alert-raised"))
                rules.add(n.get("rule").asText());
        assertThat(rules).contains("no-transponder", "adsb-radar-mismatch", "radio-contact-lost");
        assertThat(lines).anySatisfy(n -> {
            assertThat(n.get("type").asText()).isEqualTo("operator-input");
            assertThat(n.get("user").asText()).isEqualTo("sim-controller");
            assertThat(n.get("input").asText()).isEqualTo("radio-contact-lost");
        });
    }

    /**
     * The scramble workflow in the unattended replay: every alert that warrants a recommendation
     * (ScrambleConfig.defaults) gets one, after its alert line, naming the alert and its track, with
     * ranked units; no proposal or order (those need an operator and a supervisor).
     */
    @Test
    void alertsThatWarrantOneGetAScrambleRecommendationAndNothingIsOrdered() {
        org.vigil.core.qra.scramble.ScrambleConfig config = org.vigil.core.qra.scramble.ScrambleConfig.defaults();
        java.util.Map<Long, Integer> raisedAt = new java.util.HashMap<>();
        java.util.Map<Long, Integer> trackOf = new java.util.HashMap<>();
        java.util.Map<Long, Integer> recommendedAt = new java.util.HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = lines.get(i);
            String type = n.get("type").asText();
            assertThat(type)
                    .as(n.toString())
                    .isNotIn("scramble.proposed", "scramble.ordered", "scramble.phase", "qra.readiness");
            if (type.equals("alert-raised")
                    && config.warrants(n.get("rule").asText(), n.get("priority").asInt())) {
                raisedAt.put(n.get("alert").asLong(), i);
                trackOf.put(n.get("alert").asLong(), n.get("track").asInt());
            }
            if (type.equals("scramble.recommended")) {
                long alert = n.get("alert").asLong();
                assertThat(recommendedAt).as("one recommendation per alert").doesNotContainKey(alert);
                recommendedAt.put(alert, i);
                assertThat(n.get("units").size()).as(n.toString()).isGreaterThan(0);
                assertThat(n.get("units").get(0).get("rank").asInt()).isEqualTo(1);
            }
        }
        assertThat(raisedAt).isNotEmpty();
        assertThat(recommendedAt.keySet()).isEqualTo(raisedAt.keySet());
        for (long alert : recommendedAt.keySet()) {
            JsonNode rec = lines.get(recommendedAt.get(alert));
            assertThat(recommendedAt.get(alert)).as("after its alert line").isGreaterThan(raisedAt.get(alert));
            assertThat(rec.get("track").asInt()).isEqualTo(trackOf.get(alert));
        }
    }

    @Test
    void trackEventsNameTheirSensorsBehindTheIdentStage() {
        Set<String> sensors = new HashSet<>();
        for (JsonNode n : lines) {
            if (n.get("type").asText().equals("track-confirmed"))
                n.get("sensors").forEach(s -> sensors.add(s.asText()));
        }
        assertThat(sensors).contains("ADS-B").allSatisfy(s -> assertThat(s).doesNotContainPattern("^\\d+$"));
    }
}
