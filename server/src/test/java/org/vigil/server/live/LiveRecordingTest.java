package org.vigil.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.server.cli.Theatres;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.recording.StoredEvent;
import org.vigil.server.replay.ReplaySinks;
import org.vigil.server.replay.Replayer;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;

/**
 * What `vigil demo` records: the simulator's ADS-B frames, radar blocks and flight plans in the
 * journal (replayable), and the tracker's and identification's events in the event store, in one
 * data-time-ordered sequence, flushed at the latest when the server closes.
 */
class LiveRecordingTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void rawInputsAndEventsOfALiveRunAreRecorded() throws Exception {
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        List<RadarSite> radars = new ArrayList<>();
        for (RadarSpec r : sc.radars()) radars.add(SimFeed.site(r));
        long frames;
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            try (LiveServer server =
                    new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(rec))) {
                LiveSimulation sim = server.addInput(new LiveSimulation(server, sc, 1, false));
                server.start();
                sim.advanceTo(4 * 60);
                frames = server.loop().call(() -> server.pipeline().stats().frames());
                assertThat(server.tap().recorded()).isGreaterThan(frames);
            }
            rec.sync();
            List<StoredEvent> events = rec.events().query(EventQuery.all().limit(EventQuery.DEFAULT_LIMIT));
            Set<String> types = new HashSet<>();
            long last = Long.MIN_VALUE;
            String lastType = "";
            for (StoredEvent e : events) {
                types.add(e.type());
                assertThat(e.dataTimeNanos())
                        .as("data-time order at seq %d (%s after %s)", e.seq(), e.type(), lastType)
                        .isGreaterThanOrEqualTo(last);
                last = e.dataTimeNanos();
                lastType = e.type();
            }
            assertThat(types)
                    .contains(
                            "track-initiated",
                            "track-confirmed",
                            "track-updated",
                            "identification-started",
                            "identity-changed",
                            "alert-raised");
            assertThat(events).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("alert-raised");
                assertThat(e.payloadJson()).contains("\"rule\":\"no-transponder\"");
            });

            long[] replayedFrames = {0};
            Replayer.Summary s = Replayer.recording(
                    rec.raw(),
                    radars,
                    Long.MIN_VALUE,
                    Long.MAX_VALUE,
                    ReplaySinks.none().withFrames((buf, off, len, t, mlat, signal) -> replayedFrames[0]++));
            assertThat(replayedFrames[0]).isEqualTo(frames);
            assertThat(s.items("radar-blocks")).isGreaterThan(100);
            assertThat(s.items("flight-plan-texts")).isGreaterThan(10);
            assertThat(s.rejects("flight-plan")).isZero();
        }
    }
}
