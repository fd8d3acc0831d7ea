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
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;

/**
 * docs/BENCHMARKS.md "Issue 18": the scaled-out picture with 1, 2 and 3 picture nodes as separate
 * JVMs on one in-test KRaft broker, against the single-process picture of the same raw offsets.
 * Not a test (no assertion, not run by the build): {@code mvn -o -pl server -am test
 * -Dtest=KafkaScaleBench -Dsurefire.failIfNoSpecifiedTests=false [-Dvigil.bench.seconds=120]
 * [-Dvigil.bench.speed=5]}; prints one line per node count.
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
                                    kafka,
                                    "--role",
                                    "picture",
                                    "--follow",
                                    "--idle-stop",
                                    "15",
                                    "--sim",
                                    "black-sea-2022")));
                }
                Process merger = node(
                        prefix + "merger",
                        NodeProcesses.concat(
                                kafka,
                                "--role",
                                "merger",
                                "--follow",
                                "--idle-stop",
                                "25",
                                "--theatre",
                                "black-sea-2022",
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
                                kafka,
                                "--role",
                                "ingest",
                                "--sim",
                                "black-sea-2022",
                                "--duration",
                                seconds,
                                "--speed",
                                speed));
                ingest.waitFor(600, TimeUnit.SECONDS);
                merger.waitFor(600, TimeUnit.SECONDS);
                for (Process p : nodes) p.waitFor(120, TimeUnit.SECONDS);

                List<ConsumerRecord<String, byte[]>> raw = broker.readAll(topics.raw());
                List<Long> ms = new ArrayList<>();
                for (int a = 0; a < 3; a++) {
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
                if (k == 1) line.append("\n    ").append(singleProcess(b, topics, raw.size()));
                table.add(line.toString());
            }
        }
        for (String l : table) System.out.println("KafkaScaleBench " + l);
    }

    /** The single-process pipeline over the same raw records: records per CPU second of this thread. */
    private static String singleProcess(String b, KafkaTopics topics, long records) throws Exception {
        List<RadarSite> radars = new ArrayList<>();
        for (RadarSpec r : ScenarioLoader.load("black-sea-2022").radars()) radars.add(SimFeed.site(r));
        var threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            KafkaPictureNode.replay(
                    new KafkaRawTopic(b, topics.raw(), 0, 0, records), Theatres.builtIn("black-sea-2022"), radars);
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
