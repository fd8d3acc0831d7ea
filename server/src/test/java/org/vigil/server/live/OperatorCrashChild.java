package org.vigil.server.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.server.cli.Theatres;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingManifest;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;

/**
 * The server {@link OperatorCrashTest} kills: {@code DIR} holds its recording. A fresh directory
 * starts the default scenario and runs it to 7 min at once (alerts are open then); a directory
 * with a recording is restarted from it, as {@code vigil demo} does (rebuild, then the scenario
 * resumes where the recording ends). Then it prints {@code PORT n} and runs the scenario on at 20
 * times real time until it is killed.
 */
public final class OperatorCrashChild {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        List<RadarSite> radars = new ArrayList<>();
        for (RadarSpec r : sc.radars()) radars.add(SimFeed.site(r));
        boolean fresh = !Files.exists(dir.resolve("raw"));
        Recorder rec = Recorder.open(RecorderConfig.embedded(dir));
        LiveServer server =
                new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(rec));
        long skip = 0;
        double t = 7 * 60;
        if (fresh) {
            RecordingManifest.of(radars, sc.name()).write(dir);
        } else {
            server.restartFromRecording(radars);
            skip = LiveSimulation.recordedInputs(rec.raw());
        }
        LiveSimulation sim = server.addInput(new LiveSimulation(server, sc, 1, false, skip));
        if (!fresh)
            t = Math.floor(rec.raw().lastReceiveNanos() / 1e9 - sim.feed().startEpochSeconds());
        int port = server.start();
        sim.advanceTo(t); // fresh: to 7 min; restarted: through what the recording holds
        System.out.println("PORT " + port);
        System.out.flush();
        long end = System.nanoTime() + 300_000_000_000L; // killed long before; never outlive the test for long
        while (System.nanoTime() < end) {
            Thread.sleep(50);
            t += 1;
            sim.advanceTo(t);
        }
        System.exit(3);
    }

    private OperatorCrashChild() {}
}
