package org.vigil.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vigil.core.sim.Scenario;
import org.vigil.server.cli.Theatres;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioLoader;

/**
 * Operator action round trip, request to durable 2xx (docs/BENCHMARKS.md "Issue 15: durable
 * actions"): a recording server runs the default scenario at 10 times real time (one second of
 * scenario every 100 ms, after a jump to 7 min where alerts are open) while one client overrides
 * the identities of alerted tracks through the HTTP API back to back (each one an operator action:
 * audit-free open server, journal, fdatasync, commit); prints median, p99 and max.
 * {@code OperatorActionBench [actions] [recording|none]}: {@code none} runs the same without recording
 * (no journal, no commit: the cost of the picture and HTTP alone).
 */
public final class OperatorActionBench {
    public static void main(String[] args) throws Exception {
        int actions = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        boolean recording = args.length < 2 || !args[1].equals("none");
        Path dir = Files.createTempDirectory("vigil-action-bench");
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir));
                LiveServer server = new LiveServer(
                        Theatres.builtIn("black-sea-2022"),
                        "127.0.0.1",
                        0,
                        null,
                        recording ? new RecordingTap(rec) : null)) {
            LiveSimulation sim = server.addInput(new LiveSimulation(server, sc, 1, false));
            int port = server.start();
            sim.advanceTo(7 * 60);
            AtomicBoolean run = new AtomicBoolean(true);
            Thread load = new Thread(() -> {
                double t = 7 * 60;
                while (run.get()) {
                    long next = System.nanoTime() + 100_000_000L;
                    sim.advanceTo(++t);
                    while (System.nanoTime() < next) Thread.onSpinWait();
                }
            });
            load.start();
            long[] ns = new long[actions];
            int done = 0;
            while (done < actions) {
                JsonNode alerts = json.readTree(http.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body())
                        .path("alerts");
                for (JsonNode a : alerts) {
                    if (done == actions) break;
                    String path = "/api/tracks/" + a.path("track").asInt() + "/identity";
                    String body = "{\"user\":\"bench\",\"identity\":\"" + (done % 2 == 0 ? "suspect" : "hostile")
                            + "\",\"reason\":\"r" + done + "\"}";
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    long t = System.nanoTime() - t0;
                    if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + r.body());
                    if (done >= 20 || actions <= 20) ns[done] = t; // the first 20 warm up
                    done++;
                }
            }
            run.set(false);
            load.join();
            long[] m = Arrays.copyOfRange(ns, actions > 20 ? 20 : 0, actions);
            Arrays.sort(m);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d actions under load (scenario at 10x): median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    recording ? "durable (journal fdatasync + commit)" : "not recording",
                    m.length,
                    m[m.length / 2] / 1e6,
                    m[(int) Math.min(m.length - 1, Math.ceil(m.length * 0.99) - 1)] / 1e6,
                    m[m.length - 1] / 1e6);
        }
    }

    private OperatorActionBench() {}
}
