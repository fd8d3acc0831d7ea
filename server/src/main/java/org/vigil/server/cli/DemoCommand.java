package org.vigil.server.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.sim.SimFeed;
import org.vigil.server.recording.Recorder;
import org.vigil.server.auth.Security;

import org.vigil.core.sim.Scenario;
import org.vigil.server.live.LiveServer;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioException;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil demo}: the console with a scenario played in real time and no receiver. The
 * scenario's ADS-B frames and radar plots are real wire formats decoded by the same pipeline as
 * live data; its flight plans are filed at the start. Scenario time = scenario start + elapsed wall
 * time x speed; the console's clock follows the data, so it shows the scenario's own date.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Serve the console with a scenario played in real time (default black-sea-2022; no receiver needed).")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--scenario", defaultValue = "black-sea-2022", paramLabel = "NAME|FILE",
            description = "Built-in scenario (black-sea-2022, load-5000) or a YAML file (default ${DEFAULT-VALUE}).")
    String scenario;
    @Option(names = "--speed", defaultValue = "1", paramLabel = "N",
            description = "Scenario seconds per wall-clock second (default ${DEFAULT-VALUE}).")
    double speed;
    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the scenario's).")
    Long seed;
    @Option(names = "--flightplans", paramLabel = "DIR",
            description = "Watched folder of ICAO ATS messages (*.txt, *.fpl: FPL, CHG, DLA, CNL, DEP, ARR), read at start and on every change.")
    java.nio.file.Path flightPlanDir;
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port of the console (default ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address the console binds to (default ${DEFAULT-VALUE}).")
    String bind;
    @CommandLine.Mixin
    ServerSecurity secure = new ServerSecurity();

    @Override
    public Integer call() throws Exception {
        Scenario sc;
        try {
            sc = ScenarioLoader.load(scenario);
        } catch (ScenarioException e) {
            System.err.println("vigil demo: " + e.getMessage());
            return 2;
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            System.err.println("vigil demo: --speed must be a number > 0, got " + speed);
            return 2;
        }
        if (seed != null) sc = SimRunner.withSeed(sc, seed);
        Security security;
        try {
            security = secure.open();
        } catch (IllegalArgumentException e) {
            System.err.println("vigil demo: " + e.getMessage());
            return 2;
        }
        List<RadarSite> radars = new ArrayList<>();
        for (RadarSpec r : sc.radars()) radars.add(SimFeed.site(r));
        org.vigil.server.recording.RecordingManifest before = secure.previousManifest();
        // closed in reverse order: the server (and its last events) before the recorder
        try (security; Recorder recorder = secure.openRecorder(radars, sc.name());
             LiveServer server = new LiveServer(bind, port, security, new RecordingTap(recorder))) {
            // a recording already there: rebuild the picture and resume the scenario where it ends
            long recorded = RestartOnStart.rebuild(server, recorder, before, radars, sc.name());
            if (flightPlanDir != null) {
                if (!java.nio.file.Files.isDirectory(flightPlanDir)) {
                    System.err.println("vigil demo: --flightplans: not a directory: " + flightPlanDir);
                    return 2;
                }
                server.feeds().add(new org.vigil.server.flightplan.FlightPlanFolderWatcher("flightplans-" + flightPlanDir.getFileName(),
                        flightPlanDir, server.flightPlanIntake()));
            }
            LiveSimulation sim = server.addInput(new LiveSimulation(server, sc, speed, true, recorded));
            int bound = server.start();
            System.out.printf("Vigil %s demo: scenario %s from %s, %.0f min at %sx real time.%nConsole: %s://localhost:%d/  (Ctrl-C to stop)%n",
                    LiveServer.VERSION, sc.name(), Instant.ofEpochSecond(sc.startEpochSeconds()), sc.durationSeconds() / 60,
                    speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed), secure.scheme(), bound);
            RunCommand.signInNote(security);
            System.out.println("Recording inputs and events in " + recorder.config().directory().toAbsolutePath());
            Progress.whileRunning(sim, sc.name(), sc.durationSeconds());
            server.runUntilStopped();
        }
        return 0;
    }
}
