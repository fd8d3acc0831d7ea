package org.vigil.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.server.cli.Theatres;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.OpenAlerts;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.recording.StoredEvent;
import org.vigil.server.replay.Restart;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;

/**
 * Restart of a recording live server ({@code vigil demo} on a data directory that holds a
 * recording): a first server records 6 min of the default scenario and stops without closing (its
 * track writer's buffered events are lost, as in a crash); a second one on the same directory
 * rebuilds the picture from the recording ({@link LiveServer#restartFromRecording}), resumes the
 * scenario where the recording ends and runs to 9 min. The stored events must then be those of an
 * uninterrupted run, numbered 1..N with no gap or duplicate, and the alerts open before the stop
 * must be open again in the second server (with their ids) and in the store.
 */
class LiveRestartTest {
    static final double STOP_AT_S = 6 * 60, END_S = 9 * 60;

    @TempDir
    Path crashed;

    @TempDir
    Path reference;

    @Test
    @Timeout(300)
    void aRestartedServerContinuesTheEventSequenceAndReopensItsAlerts() throws Exception {
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        List<RadarSite> radars = new ArrayList<>();
        for (RadarSpec r : sc.radars()) radars.add(SimFeed.site(r));

        // the uninterrupted run
        List<String> expected;
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(reference))) {
            try (LiveServer server =
                    new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(rec))) {
                LiveSimulation sim = server.addInput(new LiveSimulation(server, sc, 1, false));
                sim.advanceTo(END_S);
            }
            rec.sync();
            expected = machineEvents(rec);
        }
        assertThat(expected)
                .as("the scramble workflow's recommendations are in the sequence too")
                .anyMatch(e -> e.startsWith("scramble.recommended "));

        // the run that stops at 6 min without closing its server (before the typed writers, its buffered events were
        // lost)
        TreeSet<Long> openBefore = new TreeSet<>();
        long storedBefore;
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(crashed))) {
            LiveServer server =
                    new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(rec));
            LiveSimulation sim = server.addInput(new LiveSimulation(server, sc, 1, false));
            sim.advanceTo(STOP_AT_S);
            for (Map<String, Object> a : server.alerts().openAlerts())
                openBefore.add(((Number) a.get("id")).longValue());
            rec.sync();
            storedBefore = machineEvents(rec).size();
        }
        assertThat(openBefore).as("alerts open at the stop").isNotEmpty();

        // restart on the same directory
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(crashed))) {
            try (LiveServer server =
                    new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(rec))) {
                Restart.Result r = server.restartFromRecording(radars);
                assertThat(r).isNotNull();
                assertThat(r.exact()).as("whole recording replayed").isTrue();
                assertThat(r.divergences()).isZero();
                assertThat(r.storedMatched()).isEqualTo(storedBefore);
                // the typed event writers buffer nothing (events reach the recorder as they happen), so a
                // stop without closing the server loses no event: all were met again, none is new. Events
                // a killed process loses (its uncommitted batch) are recovered: RestartCrashTest.
                assertThat(r.recovered())
                        .as("a stop loses no buffered event any more")
                        .isZero();

                TreeSet<Long> openAfter = new TreeSet<>();
                for (Map<String, Object> a : server.alerts().openAlerts())
                    openAfter.add(((Number) a.get("id")).longValue());
                assertThat(openAfter).as("open alerts are back with their ids").isEqualTo(openBefore);
                TreeSet<Long> openStored = new TreeSet<>();
                for (OpenAlerts.Open o : r.openAlerts()) openStored.add(o.id());
                assertThat(openStored).isEqualTo(openBefore);

                long recorded = LiveSimulation.recordedInputs(rec.raw());
                LiveSimulation sim = server.addInput(new LiveSimulation(server, sc, 1, false, recorded));
                sim.advanceTo(END_S);
            }
            rec.sync();
            List<StoredEvent> all = all(rec);
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).seq()).as("no gap, no duplicate").isEqualTo(i + 1L);
            }
            assertThat(machineEvents(rec))
                    .as("the same events as the uninterrupted run")
                    .isEqualTo(expected);
        }
    }

    private static List<StoredEvent> all(Recorder rec) throws Exception {
        List<StoredEvent> out = new ArrayList<>();
        long after = 0;
        while (true) {
            List<StoredEvent> page = rec.events().query(EventQuery.all().after(after));
            out.addAll(page);
            if (page.size() < EventQuery.DEFAULT_LIMIT) return out;
            after = page.get(page.size() - 1).seq();
        }
    }

    /** Each machine event as one comparable string (type, data time, track, JSON). */
    private static List<String> machineEvents(Recorder rec) throws Exception {
        List<String> out = new ArrayList<>();
        for (StoredEvent e : all(rec)) {
            if (e.actor() == null)
                out.add(e.type() + " " + e.dataTimeNanos() + " " + e.trackNumber() + " " + e.payloadJson());
        }
        return out;
    }
}
