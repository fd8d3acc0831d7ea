package org.vigil.server.kafka;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.server.cli.Theatres;
import org.vigil.server.sim.EuropeLoadScenario;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;
import org.vigil.server.theatre.TheatreLoader;

/**
 * docs/BENCHMARKS.md "Issue 18": the scaled-out picture with 1, 2 and 3 picture nodes as separate
 * JVMs on one in-test KRaft broker, against the single-process picture of the same raw offsets.
 * Not a test (no assertion, not run by the build): {@code mvn -o -pl server -am test
 * -Dtest=KafkaScaleBench -Dsurefire.failIfNoSpecifiedTests=false [-Dvigil.bench.seconds=120]
 * [-Dvigil.bench.speed=5] [-Dvigil.bench.europe=22000] [-Dvigil.bench.idle=15] [-Dvigil.node.xmx=384m]};
 * prints one line per node count.
 */
class KafkaScaleBench {
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

    @Test
    void oneTwoAndThreePictureNodes() throws Exception {
        String seconds = System.getProperty("vigil.bench.seconds", "120");
        String speed = System.getProperty("vigil.bench.speed", "5");
        // -Dvigil.bench.europe=22000: the Europe-wide load scenario (docs/SCALE.md "Load scenario") on the
        // default theatre's areas, instead of black-sea-2022 on its three
        String europe = System.getProperty("vigil.bench.europe");
        String[] scenario =
                europe == null ? new String[] {"--sim", "black-sea-2022"} : new String[] {"--europe-load", europe};
        String theatre = europe == null ? "black-sea-2022" : TheatreLoader.defaultName();
        int areaCount = TheatreLoader.areas(theatre).areas().size();
        // seconds without input before a picture node stops (the merger waits 10 s more): the 22,000-flight
        // ingest can pause longer than the default between its simulated seconds on a loaded machine
        int idle = Integer.getInteger("vigil.bench.idle", 15);
        List<String> table = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start()) {
            String b = broker.bootstrap();
            for (int k = 1; k <= 3; k++) {
                String prefix = "bench" + k + ".";
                KafkaTopics topics = new KafkaTopics(prefix);
                KafkaBackbone.createTopics(b, topics, KafkaBackbone.TopicLayout.SINGLE_BROKER, 30_000);
                String[] kafka = {"--kafka", b, "--kafka-topic-prefix", prefix};
                List<Process> nodes = new ArrayList<>();
                for (int i = 1; i <= k; i++) {
                    nodes.add(node(
                            prefix + "picture-" + i,
                            NodeProcesses.concat(
                                    NodeProcesses.concat(
                                            kafka,
                                            "--role",
                                            "picture",
                                            "--follow",
                                            "--idle-stop",
                                            Integer.toString(idle)),
                                    scenario)));
                }
                Process merger = node(
                        prefix + "merger",
                        NodeProcesses.concat(
                                kafka,
                                "--role",
                                "merger",
                                "--follow",
                                "--idle-stop",
                                Integer.toString(idle + 10),
                                "--theatre",
                                theatre,
                                "--events",
                                dir.resolve(prefix + "shared").toString()));
                // every node in the group before the input starts
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
                while (System.nanoTime() < deadline) {
                    int owning = 0;
                    for (int i = 1; i <= k; i++) {
                        String last = null;
                        for (String l : out(prefix + "picture-" + i)) if (l.startsWith("owns [")) last = l;
                        if (last != null && !last.equals("owns []")) owning++;
                    }
                    if (owning == k) break;
                    Thread.sleep(250);
                }
                Process ingest = node(
                        prefix + "ingest",
                        NodeProcesses.concat(
                                NodeProcesses.concat(kafka, "--role", "ingest"),
                                NodeProcesses.concat(scenario, "--duration", seconds, "--speed", speed)));
                ingest.waitFor(3600, TimeUnit.SECONDS);
                merger.waitFor(3600, TimeUnit.SECONDS);
                for (Process p : nodes) p.waitFor(120, TimeUnit.SECONDS);

                List<ConsumerRecord<String, byte[]>> raw = broker.readAll(topics.raw());
                List<Long> ms = new ArrayList<>();
                for (int a = 0; a < areaCount; a++) {
                    for (ConsumerRecord<String, byte[]> r : broker.readAll(topics.areas(), a)) {
                        long off = KafkaTopics.longHeader(r.headers(), KafkaTopics.RAW_OFFSET, -1);
                        if (off >= 0 && off < raw.size())
                            ms.add(r.timestamp() - raw.get((int) off).timestamp());
                    }
                }
                Collections.sort(ms);
                StringBuilder line = new StringBuilder(String.format(
                        Locale.ROOT,
                        "%d picture node(s): %d raw records, %d area events, latency median %d ms p99 %d ms",
                        k,
                        raw.size(),
                        ms.size(),
                        ms.isEmpty() ? -1 : ms.get(ms.size() / 2),
                        ms.isEmpty() ? -1 : ms.get((int) (ms.size() * 0.99))));
                for (int i = 1; i <= k; i++) {
                    for (String l : out(prefix + "picture-" + i))
                        if (l.startsWith("picture:"))
                            line.append("\n    node ").append(i).append(": ").append(l);
                }
                for (String l : out(prefix + "merger"))
                    if (l.startsWith("merger:")) line.append("\n    ").append(l);
                if (k == 1) line.append("\n    ").append(singleProcess(b, topics, raw.size(), europe, theatre));
                table.add(line.toString());
            }
        }
        for (String l : table) System.out.println("KafkaScaleBench " + l);
    }

    /** The single-process pipeline over the same raw records: records per CPU second of this thread. */
    private static String singleProcess(String b, KafkaTopics topics, long records, String europe, String theatre)
            throws Exception {
        List<RadarSite> radars = new ArrayList<>();
        var played = europe == null
                ? ScenarioLoader.load("black-sea-2022")
                : ScenarioLoader.parse(EuropeLoadScenario.yaml(Integer.parseInt(europe), 18), "europe-load");
        for (RadarSpec r : played.radars()) radars.add(SimFeed.site(r));
        var threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            KafkaPictureNode.replay(
                    new KafkaRawTopic(b, topics.raw(), 0, 0, records), Theatres.builtIn(theatre), radars);
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
        }
        return String.format(
                Locale.ROOT,
                "single process (KafkaPictureNode.replay, best of 3, thread CPU): %.2f s, %.0f raw records per CPU"
                        + " second",
                best,
                records / best);
    }
}
