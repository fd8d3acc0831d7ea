package org.vigil.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.core.sim.Scenario;
import org.vigil.server.sim.ScenarioException;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil sim SCENARIO --out DIR [--duration 10m] [--seed N]}: runs a scenario as fast as
 * possible and writes its feeds (Beast, ASTERIX), flight plans, truth and manifest into DIR.
 */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        description =
                "Simulate a scenario (built-in name or YAML file) and write feeds, truth and manifest into a directory.")
public final class SimCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SCENARIO",
            description =
                    "Built-in scenario (black-sea-2022, load-5000) or a YAML file (default: the theatre's default scenario).")
    String scenario;

    @picocli.CommandLine.Mixin
    TheatreOption theatre = new TheatreOption();

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Directory for the outputs (created if needed).")
    Path out;

    @Option(
            names = "--duration",
            paramLabel = "TIME",
            description = "Simulated time, e.g. 10m or 1h (default: the scenario's).")
    String duration;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the scenario's).")
    Long seed;

    @Option(
            names = "--adsb-format",
            paramLabel = "FORMAT",
            split = ",",
            description = "What each receiver writes: beast (default), sbs (SBS-1 lines, as port 30003), cat021 "
                    + "(the receiver as an ADS-B ground station, ASTERIX CAT021). Several may be given; a replay of "
                    + "the directory then reads each of them.")
    List<String> adsbFormats = new ArrayList<>(List.of("beast"));

    @Option(
            names = "--system-tracks",
            description = "Also write another tracker's system tracks as ASTERIX CAT062 (tracks-cat062.ast).")
    boolean systemTracks;

    @Option(
            names = "--europe-load",
            paramLabel = "FLIGHTS",
            description = "Simulate the Europe-wide load scenario with this many flights airborne (docs/SCALE.md \"Load"
                    + " scenario\"; e.g. 22000 or 100000; its seed: --seed, default 18) instead of SCENARIO.")
    Integer europeLoad;

    @Override
    public Integer call() throws Exception {
        if (europeLoad != null) {
            if (scenario != null) {
                System.err.println("vigil sim: give SCENARIO or --europe-load, not both");
                return 2;
            }
            Path file = java.nio.file.Files.createTempFile("vigil-europe-load", ".yaml");
            file.toFile().deleteOnExit();
            java.nio.file.Files.writeString(
                    file, org.vigil.server.sim.EuropeLoadScenario.yaml(europeLoad, seed == null ? 18 : seed));
            scenario = file.toString();
        }
        Scenario sc;
        double seconds;
        String theatreSource;
        try {
            var chosen = org.vigil.server.theatre.TheatreChoice.resolve(theatre.theatre, scenario, true);
            sc = chosen.scenario();
            theatreSource = chosen.source();
            seconds = duration == null ? sc.durationSeconds() : ScenarioLoader.parseDuration(duration, "--duration");
        } catch (ScenarioException | org.vigil.server.theatre.TheatreException e) {
            System.err.println("vigil sim: " + e.getMessage());
            return 2;
        }
        if (seed != null) sc = SimRunner.withSeed(sc, seed);
        for (String f : adsbFormats) {
            if (!List.of("beast", "sbs", "cat021").contains(f)) {
                System.err.println("vigil sim: --adsb-format must be beast, sbs or cat021, got '" + f + "'");
                return 2;
            }
        }
        SimRunner.Outputs outputs = new SimRunner.Outputs(
                adsbFormats.contains("beast"),
                adsbFormats.contains("sbs"),
                adsbFormats.contains("cat021"),
                systemTracks,
                theatreSource);
        String name = sc.name();
        boolean terminal = System.console() != null;
        long t0 = System.nanoTime();
        SimRunner.Result r = SimRunner.run(
                sc, out, seconds, terminal ? f -> System.err.printf("\r%s: %3.0f %%", name, f * 100) : null, outputs);
        double wall = (System.nanoTime() - t0) / 1e9;
        if (terminal) System.err.println();
        System.out.printf(
                "%s: %.0f s simulated in %.1f s (%.0fx), %d flights, %d ADS-B frames, %d radar plots, %d truth states -> %s%n",
                sc.name(),
                seconds,
                wall,
                seconds / Math.max(wall, 1e-9),
                r.flights(),
                r.adsbFrames(),
                r.radarPlots(),
                r.truthStates(),
                out);
        return 0;
    }
}
