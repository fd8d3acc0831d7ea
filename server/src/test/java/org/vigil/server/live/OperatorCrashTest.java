package org.vigil.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.OperatorActionLog;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.StoredEvent;

/**
 * Acknowledged means durable (issue 15, items 1 and 2), tested as a trusted system is: a child JVM
 * runs a recording server ({@link OperatorCrashChild}) while operators override identities and
 * acknowledge alerts through the HTTP API as fast as it answers, and is killed with SIGKILL at a
 * random moment; the next child restarts on the same data directory. Over {@code
 * -Dvigil.crash.trials} trials (default 20): after every restart each answered (2xx) action is back on
 * the console (the track's override is the last answered one or a later one that was sent; an
 * acknowledged alert still open shows who acknowledged it), and at the end every answered action is
 * in the event store, its row and its typed event, exactly once. 0 lost.
 */
class OperatorCrashTest {
    static final int TRIALS = Integer.getInteger("vigil.crash.trials", 20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Per track: reasons in the order sent; the index of the last answered one. */
    private final Map<Integer, List<String>> sent = new HashMap<>();

    private final Map<Integer, Integer> lastAnswered = new HashMap<>();
    private final List<String> answered = new ArrayList<>();
    /** Alert id to the user whose acknowledgement was answered. */
    private final Map<Long, String> acknowledged = new LinkedHashMap<>();

    @Test
    @Timeout(600)
    void everyAnsweredActionSurvivesSigkill() throws Exception {
        Random random = new Random(15);
        Path data = dir.resolve("data");
        int checkedOverrides = 0, checkedAcks = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Process p = child(data, trial);
            try {
                int port = port(p, trial);
                if (trial > 0) {
                    int[] c = checkConsole(port);
                    checkedOverrides += c[0];
                    checkedAcks += c[1];
                }
                // kill at a random point while actions are in flight (some answered, one maybe not)
                long killAt = System.nanoTime() + 200_000_000L + (long) (random.nextDouble() * 1_500_000_000L);
                CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
                    while (System.nanoTime() < killAt) Thread.onSpinWait();
                    p.destroyForcibly(); // SIGKILL
                });
                act(port, trial, killer);
                killer.join();
            } finally {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
        assertThat(answered).as("actions answered over the trials").hasSizeGreaterThan(TRIALS * 3);
        assertThat(checkedOverrides)
                .as("overrides checked on the console after restarts")
                .isPositive();
        assertThat(checkedAcks)
                .as("acknowledgements checked on the console after restarts")
                .isPositive();

        // the store: every answered action's row and typed event, once
        Map<String, Integer> rows = new HashMap<>();
        Map<String, Integer> overrideEvents = new HashMap<>();
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(data))) {
            long after = 0, n = 0;
            while (true) {
                List<StoredEvent> page = rec.events().query(EventQuery.all().after(after));
                for (StoredEvent e : page) {
                    assertThat(e.seq()).as("no gap, no duplicate").isEqualTo(++n);
                    if (e.type().equals(OperatorActionLog.ROW_PREFIX + "identity-override"))
                        rows.merge(JSON.readTree(e.payloadJson()).path("reason").asText(), 1, Integer::sum);
                    if (e.type().equals("override-set"))
                        overrideEvents.merge(
                                JSON.readTree(e.payloadJson()).path("reason").asText(), 1, Integer::sum);
                }
                if (page.size() < EventQuery.DEFAULT_LIMIT) break;
                after = page.get(page.size() - 1).seq();
            }
        }
        for (String reason : answered) {
            assertThat(rows.get(reason)).as("row of answered action " + reason).isEqualTo(1);
            assertThat(overrideEvents.get(reason))
                    .as("event of answered action " + reason)
                    .isEqualTo(1);
        }
        System.out.printf(
                "crash test: %d SIGKILL trials, %d overrides answered (all stored once, 0 lost), %d acknowledgements"
                        + " answered; checked on the console after restarts: %d overrides, %d acknowledgements%n",
                TRIALS, answered.size(), acknowledged.size(), checkedOverrides, checkedAcks);
    }

    /** Sends actions until the child dies: overrides on alerted tracks, acknowledgements of open alerts. */
    private void act(int port, int trial, CompletableFuture<Void> killer) {
        int k = 0;
        while (!killer.isDone()) {
            try {
                JsonNode alerts = get(port, "/api/alerts").path("alerts");
                for (JsonNode a : alerts) {
                    if (killer.isDone()) return;
                    int track = a.path("track").asInt();
                    String reason = "t" + trial + "-" + (k++);
                    List<String> list = sent.computeIfAbsent(track, t -> new ArrayList<>());
                    list.add(reason);
                    ObjectNode b = JSON.createObjectNode()
                            .put("user", "op" + trial)
                            .put("identity", "suspect")
                            .put("reason", reason);
                    if (post(port, "/api/tracks/" + track + "/identity", b) == 200) {
                        answered.add(reason);
                        lastAnswered.put(track, list.size() - 1);
                    }
                    long id = a.path("id").asLong();
                    if (a.path("acknowledgedBy").isMissingNode()
                            && post(
                                            port,
                                            "/api/alerts/" + id + "/acknowledge",
                                            JSON.createObjectNode().put("user", "op" + trial))
                                    == 200) acknowledged.put(id, "op" + trial);
                }
            } catch (Exception dead) {
                return; // killed mid-request: its answer never came
            }
        }
    }

    /** What the restarted console shows against what was answered; returns {overrides, acks} checked. */
    private int[] checkConsole(int port) throws Exception {
        int overrides = 0, acks = 0;
        for (Map.Entry<Integer, Integer> e : lastAnswered.entrySet()) {
            HttpResponse<String> r = send(port, "GET", "/api/tracks/" + e.getKey() + "/identity", null);
            if (r.statusCode() == 404) continue; // the track has ended since
            JsonNode v = JSON.readTree(r.body());
            List<String> list = sent.get(e.getKey());
            String shown = v.path("overrideReason").asText(null);
            assertThat(list.subList(e.getValue(), list.size()))
                    .as("track " + e.getKey() + ": the last answered override, or one sent after it")
                    .contains(shown);
            overrides++;
        }
        Map<Long, JsonNode> open = new HashMap<>();
        for (JsonNode a : get(port, "/api/alerts").path("alerts"))
            open.put(a.path("id").asLong(), a);
        for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
            JsonNode a = open.get(e.getKey());
            if (a == null) continue; // resolved since
            assertThat(a.path("acknowledgedBy").asText(null))
                    .as("alert " + e.getKey() + " acknowledged")
                    .isNotNull();
            acks++;
        }
        return new int[] {overrides, acks};
    }

    private Process child(Path data, int trial) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(
                java,
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                OperatorCrashChild.class.getName(),
                data.toString());
        return new ProcessBuilder(cmd)
                .redirectError(dir.resolve("child-" + trial + ".err").toFile())
                .redirectOutput(dir.resolve("child-" + trial + ".out").toFile())
                .start();
    }

    private int port(Process p, int trial) throws Exception {
        Path out = dir.resolve("child-" + trial + ".out");
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end) {
            if (Files.exists(out)) {
                for (String l : Files.readAllLines(out, StandardCharsets.ISO_8859_1))
                    if (l.startsWith("PORT "))
                        return Integer.parseInt(l.substring(5).trim());
            }
            if (!p.isAlive())
                throw new AssertionError(
                        "child " + trial + " ended: " + Files.readString(dir.resolve("child-" + trial + ".err")));
            Thread.sleep(50);
        }
        throw new AssertionError("child " + trial + " did not start");
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = send(port, "GET", path, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private int post(int port, String path, JsonNode body) throws Exception {
        return send(port, "POST", path, body).statusCode();
    }

    private HttpResponse<String> send(int port, String method, String path, JsonNode body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (body == null) b.GET();
        else
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
