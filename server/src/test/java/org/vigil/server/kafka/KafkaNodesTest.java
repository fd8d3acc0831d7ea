package org.vigil.server.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.server.cli.Theatres;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;

/**
 * The scaled-out system as separate JVMs on one real KRaft broker (docs/SCALE.md "Nodes",
 * "Recovery"): an ingest node plays two minutes of the black-sea scenario to the raw topic, three
 * picture nodes share the theatre's three areas through their consumer group, a merger builds the
 * shared picture. One picture node is killed with SIGKILL mid-run: its area moves to a survivor
 * within 30 s, and the shared picture is still the single-process picture of the same input (every
 * event once, in order, byte for byte), with hand-over events at the area boundaries.
 */
class KafkaNodesTest {
    static final String PREFIX = "nodes.";

    @TempDir
    Path dir;

    private NodeProcesses nodes;

    private Process node(String name, String... args) throws Exception {
        if (nodes == null) nodes = new NodeProcesses(dir);
        return nodes.start(name, args);
    }

    private List<String> out(String name) throws Exception {
        return new NodeProcesses(dir).out(name);
    }

    private String err(String name) throws Exception {
        return new NodeProcesses(dir).err(name);
    }

    /** The areas a picture node said it owns last ("owns [west]"), or null before its first assignment. */
    private String owns(String name) throws Exception {
        String last = null;
        for (String l : out(name)) if (l.startsWith("owns ")) last = l.substring(5);
        return last;
    }

    @Test
    @Timeout(600)
    void threePictureNodesAnIngestNodeAndAMergerAsSeparateJvms() throws Exception {
        List<Process> all = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start()) {
            KafkaTopics topics = new KafkaTopics(PREFIX);
            String b = broker.bootstrap();
            String[] kafka = {"--kafka", b, "--kafka-topic-prefix", PREFIX};
            // the raw topic first, so that the picture nodes can follow it before the ingest starts
            KafkaBackbone.createTopics(b, topics, KafkaBackbone.TopicLayout.SINGLE_BROKER, 30_000);
            List<String> pictures = List.of("picture-1", "picture-2", "picture-3");
            for (String p : pictures) {
                all.add(node(
                        p,
                        NodeProcesses.concat(
                                kafka,
                                "--role",
                                "picture",
                                "--follow",
                                "--idle-stop",
                                "20",
                                "--sim",
                                "black-sea-2022")));
            }
            Path shared = dir.resolve("shared.jsonl");
            Process merger = node(
                    "merger",
                    NodeProcesses.concat(
                            kafka,
                            "--role",
                            "merger",
                            "--follow",
                            "--idle-stop",
                            "30",
                            "--theatre",
                            "black-sea-2022",
                            "--events",
                            shared.toString()));
            all.add(merger);
            // each picture node owns one area before the input starts
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!pictures.stream().allMatch(p -> ownsOne(p)) || !ownsAll(pictures)) {
                assertThat(System.nanoTime())
                        .as("three picture nodes own an area each")
                        .isLessThan(deadline);
                for (int i = 0; i < all.size(); i++) {
                    String name = i < 3 ? pictures.get(i) : "merger";
                    assertThat(all.get(i).isAlive())
                            .as("%s alive: %s", name, err(name))
                            .isTrue();
                }
                Thread.sleep(250);
            }
            Process ingest = node(
                    "ingest",
                    NodeProcesses.concat(
                            kafka, "--role", "ingest", "--sim", "black-sea-2022", "--duration", "120", "--speed", "3"));
            all.add(ingest);

            // kill -9 a picture node mid-run: the one owning the first area to publish 30 events while
            // the input still flows (which node gets which area is the group's choice, and some areas
            // are quiet for minutes: waiting on one fixed node's area can outlast the input)
            String victimArea = null;
            int victimPartition = -1;
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (victimArea == null) {
                for (int a = 0; a < 3 && victimArea == null; a++) {
                    if (broker.readAll(topics.areas(), a).size() >= 30) {
                        victimPartition = a;
                        victimArea = areaName(a);
                    }
                }
                if (victimArea != null) break;
                assertThat(System.nanoTime()).as("an area publishes").isLessThan(deadline);
                Thread.sleep(250);
            }
            assertThat(ingest.isAlive())
                    .as("the input still flows when the node is killed")
                    .isTrue();
            int victimIndex = -1;
            for (int i = 0; i < 3; i++) {
                String o = owns(pictures.get(i));
                if (o != null && o.replaceAll("[\\[\\] ]", "").equals(victimArea)) victimIndex = i;
            }
            assertThat(victimIndex).as("a node owns area %s", victimArea).isNotNegative();
            Process victim = all.get(victimIndex);
            victim.destroyForcibly(); // SIGKILL: no goodbye to the group, no flush
            long killedAt = System.currentTimeMillis();
            victim.waitFor(30, TimeUnit.SECONDS);
            // ... and started again: it replays the raw topic, rejoins the group, takes an area in the
            // rebalance and publishes after that area's last committed event (nothing lost or doubled)
            Process restarted = node(
                    "picture-4",
                    NodeProcesses.concat(
                            kafka, "--role", "picture", "--follow", "--idle-stop", "20", "--sim", "black-sea-2022"));
            all.add(restarted);

            assertThat(ingest.waitFor(300, TimeUnit.SECONDS)).as("ingest ends").isTrue();
            assertThat(ingest.exitValue()).as(err("ingest")).isZero();
            assertThat(merger.waitFor(300, TimeUnit.SECONDS)).as("merger ends").isTrue();
            assertThat(merger.exitValue()).as(err("merger")).isZero();
            StringBuilder survivorsOwn = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                if (i == victimIndex) continue;
                assertThat(all.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(all.get(i).exitValue()).as(err(pictures.get(i))).isZero();
                survivorsOwn.append(owns(pictures.get(i)));
            }
            assertThat(restarted.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(restarted.exitValue()).as(err("picture-4")).isZero();
            survivorsOwn.append(owns("picture-4"));
            assertThat(out("picture-4"))
                    .as("the restarted node owned an area")
                    .anyMatch(l -> l.startsWith("owns [") && !l.equals("owns []"));

            // the area went on at a survivor within 30 s of the kill
            assertThat(survivorsOwn.toString()).contains(victimArea);
            long firstAfter = Long.MAX_VALUE;
            for (ConsumerRecord<String, byte[]> r : broker.readAll(topics.areas(), victimPartition)) {
                if (r.timestamp() > killedAt + 1_000) firstAfter = Math.min(firstAfter, r.timestamp());
            }
            assertThat(firstAfter - killedAt)
                    .as("ms from the kill to the area's next event")
                    .isLessThan(30_000);
            System.out.printf(
                    "KafkaNodesTest area %s: next event %d ms after the kill%n", victimArea, firstAfter - killedAt);

            // the single-process picture of the same input
            List<RadarSite> radars = new ArrayList<>();
            for (RadarSpec r : ScenarioLoader.load("black-sea-2022").radars()) radars.add(SimFeed.site(r));
            long end = KafkaRawTopic.endOffset(b, topics.raw(), 0);
            List<String> single = KafkaPictureNode.replay(
                            new KafkaRawTopic(b, topics.raw(), 0, 0, end), Theatres.builtIn("black-sea-2022"), radars)
                    .events();
            assertThat(single).hasSizeGreaterThan(100);

            // nothing lost or doubled on the area topic: every number of the sequence once
            Map<Long, Integer> seen = new HashMap<>();
            for (int a = 0; a < 3; a++) {
                for (ConsumerRecord<String, byte[]> r : broker.readAll(topics.areas(), a))
                    seen.merge(KafkaTopics.longHeader(r.headers(), KafkaTopics.SEQ, -1), 1, Integer::sum);
            }
            assertThat(seen).hasSize(single.size());
            assertThat(seen.values()).allMatch(c -> c == 1);
            assertThat(seen.keySet()).allMatch(s -> s >= 0 && s < single.size());

            // the shared picture is the single-process one, with hand-overs at the boundaries
            List<String> merged = Files.readAllLines(shared, StandardCharsets.UTF_8);
            List<String> handovers = merged.stream()
                    .filter(l -> l.contains("\"type\":\"handover-"))
                    .toList();
            assertThat(merged.stream()
                            .filter(l -> !l.contains("\"type\":\"handover-"))
                            .toList())
                    .isEqualTo(single);
            // two minutes of the scenario bring tracks into the neighbours' margins (offered, accepted);
            // a whole crossing of three areas is aTrackAcrossThreeAreasKeepsOneIdentityAndIsHandedOver
            assertThat(handovers).anyMatch(l -> l.contains("\"type\":\"handover-offered\""));
            assertThat(handovers).anyMatch(l -> l.contains("\"type\":\"handover-accepted\""));
            assertThat(String.join("\n", out("merger"))).contains("(0 duplicates, 0 missing, 0 skipped)");
            assertThat(broker.readAll(topics.shared())).hasSize(merged.size());
            printFigures(broker, topics);
        } finally {
            for (Process p : all) p.destroyForcibly();
        }
    }

    /**
     * For docs/BENCHMARKS.md: each node's summary line and the latency from a raw record's arrival
     * at the broker to the arrival of the area event its processing made (both log-append times).
     */
    private void printFigures(KafkaBroker broker, KafkaTopics topics) throws Exception {
        List<ConsumerRecord<String, byte[]>> raw = broker.readAll(topics.raw());
        List<Long> ms = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            for (ConsumerRecord<String, byte[]> r : broker.readAll(topics.areas(), a)) {
                long off = KafkaTopics.longHeader(r.headers(), KafkaTopics.RAW_OFFSET, -1);
                if (off >= 0 && off < raw.size())
                    ms.add(r.timestamp() - raw.get((int) off).timestamp());
            }
        }
        java.util.Collections.sort(ms);
        System.out.printf(
                "KafkaNodesTest latency raw record to area event: %d events, median %d ms, p99 %d ms%n",
                ms.size(), ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.99)));
        for (String n : List.of("picture-1", "picture-2", "picture-3", "picture-4", "merger", "ingest")) {
            for (String l : out(n)) if (!l.startsWith("owns ")) System.out.println("KafkaNodesTest " + n + ": " + l);
        }
    }

    /** The nodes' last words name every area once: the group has settled (as far as their output shows). */
    private boolean ownsAll(List<String> nodes) {
        java.util.Set<String> areas = new java.util.TreeSet<>();
        for (String n : nodes) {
            try {
                areas.add(owns(n));
            } catch (Exception e) {
                return false;
            }
        }
        return areas.equals(new java.util.TreeSet<>(List.of("[coast]", "[east]", "[west]")));
    }

    private boolean ownsOne(String node) {
        try {
            String o = owns(node);
            return o != null && !o.equals("[]") && !o.contains(",");
        } catch (Exception e) {
            return false;
        }
    }

    /** The theatre's area on the given partition of the areas topic (one partition per area, in order). */
    private static String areaName(int partition) throws Exception {
        return org.vigil.server.theatre.TheatreLoader.areas("black-sea-2022")
                .areas()
                .get(partition)
                .name();
    }
}
