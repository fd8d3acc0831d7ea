package org.vigil.server.playback;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.server.cli.Theatres;
import org.vigil.server.live.LiveServer;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingManifest;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.recording.StoredEvent;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;

/**
 * A recording made the way {@code vigil demo} makes one: a {@link LiveServer} recording through its
 * tap, the default scenario's live sensors ({@link LiveSimulation}) advanced by hand so that no
 * wall clock is involved. The server is not started: its wall-clock housekeeping would make the
 * recorded events depend on timing.
 */
final class PlaybackRecording implements AutoCloseable {
    final Recorder recorder;
    final List<RadarSite> radars = new ArrayList<>();
    /** Scenario start (data time of the first inputs). */
    final long startNanos;

    PlaybackRecording(Path dir, double seconds) throws Exception {
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        for (RadarSpec r : sc.radars()) radars.add(SimFeed.site(r));
        RecordingManifest.of(radars, sc.name()).write(dir);
        startNanos = sc.startEpochSeconds() * 1_000_000_000L;
        recorder = Recorder.open(RecorderConfig.embedded(dir));
        try (LiveServer server =
                new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(recorder))) {
            LiveSimulation sim = server.addInput(new LiveSimulation(server, sc, 1, false));
            sim.advanceTo(seconds);
        } // close flushes the track writer's last events
        recorder.sync();
    }

    /** The recorded events with data time in [from, to), in sequence order. */
    List<StoredEvent> events(long from, long to) throws Exception {
        List<StoredEvent> out = new ArrayList<>();
        long after = 0;
        while (true) {
            List<StoredEvent> page =
                    recorder.events().query(EventQuery.between(from, to).after(after));
            out.addAll(page);
            if (page.size() < EventQuery.DEFAULT_LIMIT) return out;
            after = page.get(page.size() - 1).seq();
        }
    }

    long lastNanos() {
        return recorder.raw().lastReceiveNanos();
    }

    @Override
    public void close() throws Exception {
        recorder.close();
    }
}
