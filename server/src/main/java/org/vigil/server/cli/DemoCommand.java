package org.vigil.server.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.core.sim.Scenario;
import org.vigil.server.auth.Security;
import org.vigil.server.live.LiveServer;
import org.vigil.server.sim.ScenarioException;
import org.vigil.server.sim.SimRunner;
import org.vigil.server.theatre.TheatreChoice;
import org.vigil.server.theatre.TheatreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil demo}: {@code vigil run} with a scenario as its only source (same picture, recorder,
 * restart and console; {@link RunCommand#serve}), played in real time with no receiver. The
 * scenario's ADS-B frames and radar plots are real wire formats decoded by the same pipeline as
 * live data; its flight plans are filed at the start. Scenario time = scenario start + elapsed wall
 * time x speed; the console's clock follows the data, so it shows the scenario's own date.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Serve the console with a scenario played in real time (default: the theatre's; no receiver needed).")
public final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--scenario",
            paramLabel = "NAME|FILE",
            description =
                    "Built-in scenario (black-sea-2022, load-5000) or a YAML file (default: the theatre's default "
                            + "scenario; black-sea-2022 without --theatre).")
    String scenario;

    @Option(
            names = "--speed",
            defaultValue = "1",
            paramLabel = "N",
            description = "Scenario seconds per wall-clock second (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the scenario's).")
    Long seed;

    @Option(
            names = "--flightplans",
            paramLabel = "DIR",
            description =
                    "Watched folder of ICAO ATS messages (*.txt, *.fpl: FPL, CHG, DLA, CNL, DEP, ARR), read at start and on every change.")
    java.nio.file.Path flightPlanDir;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "HTTP port of the console (default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "0.0.0.0",
            description = "Address the console binds to (default ${DEFAULT-VALUE}).")
    String bind;

    @CommandLine.Mixin
    ServerSecurity secure = new ServerSecurity();

    @CommandLine.Mixin
    TheatreOption theatre = new TheatreOption();
    /** The outputs to other systems (docs/INTEROP.md), each off by default. */
    @CommandLine.Mixin
    org.vigil.server.output.OutputOptions outputs = new org.vigil.server.output.OutputOptions();

    @Override
    public Integer call() throws Exception {
        Failure.checkPort("--port", port);
        Scenario sc;
        TheatreChoice.Resolved chosen;
        try {
            chosen = TheatreChoice.resolve(theatre.theatre, scenario, true);
            secure.recordTheatre(chosen.source());
            sc = chosen.scenario();
        } catch (ScenarioException | TheatreException e) {
            System.err.println("vigil demo: " + e.getMessage());
            return 2;
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            System.err.println("vigil demo: --speed must be a number > 0, got " + speed);
            return 2;
        }
        if (seed != null) sc = SimRunner.withSeed(sc, seed);
        if (flightPlanDir != null && !java.nio.file.Files.isDirectory(flightPlanDir)) {
            System.err.println("vigil demo: --flightplans: not a directory: " + flightPlanDir);
            return 2;
        }
        Security security;
        try {
            security = secure.open();
        } catch (IllegalArgumentException e) {
            System.err.println("vigil demo: " + e.getMessage());
            return 2;
        }
        // `run` with the scenario as its only source
        Scenario played = sc;
        return RunCommand.serve(
                chosen.theatre(),
                secure,
                security,
                bind,
                port,
                List.of(),
                played,
                speed,
                flightPlanDir,
                server -> outputs.addTo(server, bind),
                (server, live, bound) -> {
                    System.out.printf(
                            "Vigil %s demo: scenario %s from %s, %.0f min at %sx real time.%nConsole: %s://localhost:%d/  (Ctrl-C to stop)%n",
                            LiveServer.VERSION,
                            played.name(),
                            Instant.ofEpochSecond(played.startEpochSeconds()),
                            played.durationSeconds() / 60,
                            speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed),
                            secure.scheme(),
                            bound);
                    return false;
                });
    }
}
