package org.vigil.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.sim.Scenario;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.OpenAlerts;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.StoredEvent;

/**
 * Issue #7 restart: a child JVM records the default scenario through the pipeline at full speed
 * and is killed with SIGKILL mid-ingest; a second child restarts on the same directory, rebuilds
 * the picture from the journal ({@link Restart}) and resumes the scenario where the journal ends.
 * The stored event sequence must then be exactly the events of an uninterrupted run of the same
 * input: numbered 1..N, nothing missing, nothing twice, in order. The open alerts read back from
 * the store are those the uninterrupted run leaves open.
 *
 * <p>Length: {@code -Dvigil.restart.minutes} (default 20) of scenario time, killed after
 * {@code -Dvigil.restart.killAt} of it (default 0.6); docs/REPLAY.md gives the one-hour figures.
 */
class RestartCrashTest {
    static final double MINUTES = Double.parseDouble(System.getProperty("vigil.restart.minutes", "20"));
    static final double KILL_AT = Double.parseDouble(System.getProperty("vigil.restart.killAt", "0.6"));

    @TempDir
    Path dir;

    private Process child(String out, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                RestartCrashChild.class.getName(),
                dir.toString()));
        cmd.addAll(List.of(args));
        // stderr to a file too: a child that inherited the test JVM's pipes would keep Maven waiting
        return new ProcessBuilder(cmd)
                .redirectError(dir.resolve(out + ".err").toFile())
                .redirectOutput(dir.resolve(out).toFile())
                .start();
    }

    private List<String> lines(String out) throws Exception {
        return Files.readAllLines(dir.resolve(out), StandardCharsets.ISO_8859_1);
    }

    @Test
    void killedMidIngestThenRestartedTheEventsContinueWithoutGapsOrDuplicates() throws Exception {
        // the reference: the same input, uninterrupted, in this JVM
        Scenario sc = RecordFixture.scenario();
        List<String> reference = new ArrayList<>();
        RecordFixture.Pipeline ref = new RecordFixture.Pipeline(
                RecordFixture.radars(sc), e -> reference.add(org.vigil.core.event.EventCodec.encode(e)));
        RecordFixture.LiveSensors refSensors = new RecordFixture.LiveSensors(sc, ref, null);
        refSensors.advanceTo(MINUTES * 60);
        ref.tracking.finish();
        ref.flush();

        // run 1: killed with SIGKILL mid-ingest
        Process p = child("ingest.out", "ingest", Double.toString(MINUTES));
        try {
            double killAtSeconds = MINUTES * 60 * KILL_AT;
            long start = System.nanoTime();
            java.util.regex.Pattern at = java.util.regex.Pattern.compile("AT (\\d+) raw=\\d+ events=\\d+");
            while (true) {
                Thread.sleep(20);
                double reached = 0;
                for (String l : lines("ingest.out")) { // a last line may be cut mid-write: only whole ones count
                    java.util.regex.Matcher m = at.matcher(l);
                    if (m.matches()) reached = Double.parseDouble(m.group(1));
                }
                assertThat(p.isAlive()).as("ingesting child alive").isTrue();
                assertThat((System.nanoTime() - start) / 1e9)
                        .as("ingest progress in time")
                        .isLessThan(600);
                if (reached >= killAtSeconds) break;
            }
            p.destroyForcibly(); // SIGKILL
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        } finally {
            p.destroyForcibly();
        }
        long storedAtKill;
        try (Recorder r = Recorder.open(RecorderConfig.embedded(dir))) {
            storedAtKill = r.events().latestSequence();
        }
        assertThat(storedAtKill)
                .as("events stored before the kill")
                .isGreaterThan(100)
                .isLessThan(reference.size());

        // run 2: restart, rebuild, resume to the end
        Process q = child("restart.out", "restart", Double.toString(MINUTES), Double.toString(MINUTES * 2));
        try {
            assertThat(q.waitFor(600, TimeUnit.SECONDS))
                    .as("restarted child finished")
                    .isTrue();
        } finally {
            q.destroyForcibly();
        }
        List<String> out = lines("restart.out");
        assertThat(q.exitValue()).as("restart exit code; output %s", out).isZero();
        String rebuilt =
                out.stream().filter(s -> s.startsWith("REBUILT")).findFirst().orElseThrow();
        System.out.println("restart after kill at " + MINUTES * 60 * KILL_AT + " s of data: " + rebuilt + "; "
                + storedAtKill + " events stored at the kill, " + reference.size() + " in the whole run");
        Map<String, String> r = new TreeMap<>();
        for (String kv : rebuilt.substring("REBUILT ".length()).split(" ")) r.put(kv.split("=")[0], kv.split("=")[1]);
        assertThat(r.get("exact")).isEqualTo("true");
        assertThat(Long.parseLong(r.get("matched"))).isEqualTo(storedAtKill); // every stored event met again, dropped
        assertThat(r.get("divergences")).isEqualTo("0");
        assertThat(r.get("unmatched")).isEqualTo("0");
        assertThat(Double.parseDouble(r.get("wall"))).as("rebuild time").isLessThan(30);

        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            List<StoredEvent> all = rec.events().query(EventQuery.all().limit(10_000_000));
            assertThat(all).hasSize(reference.size());
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).seq()).as("sequence").isEqualTo(i + 1);
                assertThat(all.get(i).payloadJson()).as("event %d", i + 1).isEqualTo(reference.get(i));
            }
            // the alerts still open are those the uninterrupted run leaves open
            List<Long> open = new ArrayList<>();
            for (OpenAlerts.Open o : OpenAlerts.alerts(rec.events())) open.add(o.id());
            assertThat(open).isEqualTo(openAlerts(reference));
        }
    }

    /** Alert ids whose last event in the stream is not "resolved", in order of first event. */
    static List<Long> openAlerts(List<String> lines) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<Long, String> state = new java.util.LinkedHashMap<>();
        for (String l : lines) {
            if (!l.contains("\"type\":\"alert-")) continue;
            JsonNode n = json.readTree(l);
            state.put(n.get("alert").asLong(), n.get("state").asText());
        }
        List<Long> open = new ArrayList<>();
        state.forEach((id, s) -> {
            if (!s.equals("resolved")) open.add(id);
        });
        return open;
    }
}
