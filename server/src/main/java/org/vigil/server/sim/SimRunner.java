package org.vigil.server.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.vigil.codec.feed.BeastEncoder;
import org.vigil.codec.feed.FrameSink;
import org.vigil.core.sim.QraUnit;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.ReceiverSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.core.sim.Simulation;

/**
 * Runs a scenario as fast as the machine allows and writes every output into a directory:
 * {@code adsb-NAME.beast} per receiver (or, by {@link Outputs}, {@code adsb-NAME.sbs} SBS lines and
 * {@code adsb-NAME-cat021.ast} CAT021 reports; {@code tracks-cat062.ast} another tracker's CAT062), {@code radar-SAC-SIC.ast} per radar (CAT048 + CAT034 blocks),
 * {@code flightplans.txt}, {@code truth.jsonl} and {@code manifest.json} (read by {@code vigil replay}).
 * Everything derives from the scenario and its seed; no wall-clock value is written, so the same
 * scenario and seed give byte-identical files.
 */
public final class SimRunner {
    public static final String MANIFEST = "manifest.json", TRUTH = "truth.jsonl", FLIGHT_PLANS = "flightplans.txt";

    /** What a run produced. */
    public record Result(
            long transmitted,
            long adsbFrames,
            long radarPlots,
            long truthStates,
            long truthEvents,
            int flights,
            double simulatedSeconds) {}

    private SimRunner() {}

    /**
     * What a run writes besides the radars, flight plans, truth and manifest.
     * @param beast        each receiver's frames as Beast ({@code adsb-NAME.beast}; the default)
     * @param sbs          each receiver's messages as SBS-1 lines ({@code adsb-NAME.sbs})
     * @param cat021       each receiver as an ADS-B ground station, CAT021 ({@code adsb-NAME-cat021.ast})
     * @param systemTracks another tracker's system tracks, CAT062 ({@code tracks-cat062.ast})
     */
    /**
     * @param theatre the theatre the scenario was resolved in (built-in name or directory), written to
     *                the manifest so that a replay of the directory uses it; null: none recorded
     */
    public record Outputs(boolean beast, boolean sbs, boolean cat021, boolean systemTracks, String theatre) {
        public Outputs(boolean beast, boolean sbs, boolean cat021, boolean systemTracks) {
            this(beast, sbs, cat021, systemTracks, null);
        }

        public static Outputs defaults() {
            return new Outputs(true, false, false, false);
        }

        public Outputs withTheatre(String ref) {
            return new Outputs(beast, sbs, cat021, systemTracks, ref);
        }
    }

    /** SAC of the simulated ADS-B ground stations (CAT021); each receiver's SIC is its number from 1. */
    static final int CAT021_SAC = 0;

    static final String SYSTEM_TRACKS = "tracks-cat062.ast";

    /** The scenario with another seed. */
    public static Scenario withSeed(Scenario s, long seed) {
        return new Scenario(
                s.name(),
                s.startEpochSeconds(),
                s.durationSeconds(),
                seed,
                s.south(),
                s.north(),
                s.west(),
                s.east(),
                s.windFromDeg(),
                s.windKt(),
                s.truthIntervalSeconds(),
                s.radars(),
                s.receivers(),
                s.flights(),
                s.qra(),
                s.background(),
                s.degradations(),
                s.gnssAreas());
    }

    /**
     * @param progress receives the fraction done (0..1) now and then; may be null
     */
    public static Result run(Scenario sc, Path dir, double durationSeconds, DoubleConsumer progress)
            throws IOException {
        return run(sc, dir, durationSeconds, progress, Outputs.defaults());
    }

    /** As {@link #run(Scenario, Path, double, DoubleConsumer)}, writing {@code outputs}. */
    public static Result run(Scenario sc, Path dir, double durationSeconds, DoubleConsumer progress, Outputs outputs)
            throws IOException {
        Files.createDirectories(dir);
        Simulation sim = new Simulation(sc);
        List<ByteOut> rxOuts = new ArrayList<>();
        List<ByteOut> sbsOuts = outputs.sbs() ? new ArrayList<>() : null;
        List<ByteOut> cat021Outs = outputs.cat021() ? new ArrayList<>() : null;
        List<ByteOut> all = new ArrayList<>();
        for (ReceiverSpec r : sc.receivers()) {
            rxOuts.add(outputs.beast() ? open(dir.resolve(adsbFile(r)), all) : null);
            if (sbsOuts != null) sbsOuts.add(open(dir.resolve(sbsFile(r)), all));
            if (cat021Outs != null) cat021Outs.add(open(dir.resolve(cat021File(r)), all));
        }
        AdsbSensor adsb = new AdsbSensor(sc.receivers(), rxOuts, sc.seed());
        adsb.gnss(sc.gnssAreas());
        if (sbsOuts != null || cat021Outs != null)
            adsb.alsoWrite(sbsOuts, cat021Outs, sc.startEpochSeconds(), CAT021_SAC);
        SystemTrackSensor systemTracks = outputs.systemTracks()
                ? new SystemTrackSensor(sc.radars(), sc.receivers(), open(dir.resolve(SYSTEM_TRACKS), all), sc.seed())
                : null;
        List<RadarSensor> radars = new ArrayList<>();
        for (int i = 0; i < sc.radars().size(); i++) {
            RadarSpec r = sc.radars().get(i);
            radars.add(new RadarSensor(r, open(dir.resolve(radarFile(r)), all), sc.seed(), i));
        }
        // the scenario's degradations act on the files as on a live run, so a replay sees them
        SimDegradations degradations = new SimDegradations(sc);
        long epochNanos = sc.startEpochSeconds() * 1_000_000_000L;
        FrameSink[] late = new FrameSink[sc.receivers().size()];
        FrameSink[] staleSinks = new FrameSink[sc.receivers().size()];
        long[] staleFrames = new long[sc.receivers().size()];
        if (degradations.any()) {
            adsb.degrade(degradations, sc.startEpochSeconds());
            for (int i = 0; i < radars.size(); i++) radars.get(i).degrade(degradations, i);
            byte[] beast = new byte[BeastEncoder.MAX_ENCODED];
            for (int i = 0; i < late.length; i++) {
                final int r = i;
                ByteOut out = rxOuts.get(i);
                if (out != null) {
                    // a held frame, late, with its own time
                    late[i] = (buf, off, len, timeNanos, mlat, signal) -> {
                        out.bytes(beast, 0, BeastEncoder.encode(buf, off, len, mlat, signal, beast, 0));
                        adsb.wroteLater(r);
                    };
                }
                if (out != null && degradations.hasStaleFeed(i)) {
                    ByteOut staleOut = open(dir.resolve(staleFile(sc.receivers().get(i))), all);
                    // a repeat, stamped with the time it is sent again (12 MHz ticks since the start)
                    staleSinks[i] = (buf, off, len, timeNanos, mlat, signal) -> {
                        long ticks = Math.round((timeNanos - epochNanos) * (12_000_000.0 / 1e9));
                        staleOut.bytes(beast, 0, BeastEncoder.encode(buf, off, len, ticks, signal, beast, 0));
                        staleFrames[r]++;
                    };
                }
            }
        }
        ByteOut truthOut = open(dir.resolve(TRUTH), all);
        TruthWriter truth = new TruthWriter(truthOut, sc.startEpochSeconds());
        sim.setListener(truth);
        int plans = writePlans(sc, sim, dir.resolve(FLIGHT_PLANS));

        long steps = Math.round(durationSeconds / Simulation.STEP_SECONDS);
        long truthEvery = Math.max(1, Math.round(sc.truthIntervalSeconds() / Simulation.STEP_SECONDS));
        long reportEvery = Math.max(1, steps / 100);
        try {
            for (long s = 0; s < steps; s++) {
                if (s % truthEvery == 0) truth.states(sim);
                adsb.scan(sim);
                for (RadarSensor r : radars) r.scan(sim, sc.startEpochSeconds());
                if (systemTracks != null) systemTracks.scan(sim, sc.startEpochSeconds());
                sim.step();
                degradations.release(epochNanos + Math.round(sim.time() * 1e9), late, staleSinks);
                if (progress != null && s % reportEvery == 0) progress.accept((double) s / steps);
            }
            if (steps % truthEvery == 0) truth.states(sim);
        } finally {
            for (ByteOut o : all) o.close();
        }
        long frames = 0;
        for (int i = 0; i < sc.receivers().size(); i++) frames += adsb.framesWritten(i);
        long plots = 0;
        for (RadarSensor r : radars) plots += r.plots();
        writeManifest(
                sc,
                dir,
                durationSeconds,
                sim,
                adsb,
                radars,
                truth,
                plans,
                outputs,
                systemTracks,
                staleSinks,
                staleFrames);
        if (progress != null) progress.accept(1.0);
        return new Result(
                adsb.transmitted(),
                frames,
                plots,
                truth.states(),
                truth.events(),
                sim.flights().size(),
                durationSeconds);
    }

    static String adsbFile(ReceiverSpec r) {
        return "adsb-" + r.name() + ".beast";
    }

    static String staleFile(ReceiverSpec r) {
        return "adsb-" + r.name() + "-stale.beast";
    }

    static String sbsFile(ReceiverSpec r) {
        return "adsb-" + r.name() + ".sbs";
    }

    static String cat021File(ReceiverSpec r) {
        return "adsb-" + r.name() + "-cat021.ast";
    }

    static String radarFile(RadarSpec r) {
        return "radar-" + r.sac() + "-" + r.sic() + ".ast";
    }

    private static ByteOut open(Path p, List<ByteOut> all) throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
        ByteOut o = new ByteOut(os);
        all.add(o);
        return o;
    }

    private static int writePlans(Scenario sc, Simulation sim, Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        List<String> plans = FlightPlans.all(sc, sim);
        for (String m : plans) b.append(m).append('\n');
        Files.writeString(file, b.toString(), StandardCharsets.US_ASCII);
        return plans.size();
    }

    private static void writeManifest(
            Scenario sc,
            Path dir,
            double duration,
            Simulation sim,
            AdsbSensor adsb,
            List<RadarSensor> radars,
            TruthWriter truth,
            int plans,
            Outputs outputs,
            SystemTrackSensor systemTracks,
            FrameSink[] staleSinks,
            long[] staleFrames)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "vigil-sim/1");
        m.put("scenario", sc.name());
        if (outputs.theatre() != null) m.put("theatre", outputs.theatre());
        m.put("seed", sc.seed());
        m.put("start", Instant.ofEpochSecond(sc.startEpochSeconds()).toString());
        m.put("durationSeconds", duration);
        m.put("stepSeconds", Simulation.STEP_SECONDS);
        m.put("truthIntervalSeconds", sc.truthIntervalSeconds());
        m.put("flights", sim.flights().size());
        List<Object> files = new ArrayList<>();
        for (int i = 0; i < sc.receivers().size(); i++) {
            ReceiverSpec r = sc.receivers().get(i);
            for (String format : List.of("beast", "sbs", "cat021")) {
                if (format.equals("beast") && !outputs.beast()
                        || format.equals("sbs") && !outputs.sbs()
                        || format.equals("cat021") && !outputs.cat021()) continue;
                Map<String, Object> f = new LinkedHashMap<>();
                switch (format) {
                    case "beast" -> {
                        f.put("path", adsbFile(r));
                        f.put("kind", "adsb");
                        f.put("format", "beast");
                        f.put("clock", "12 MHz ticks since start");
                    }
                    case "sbs" -> {
                        f.put("path", sbsFile(r));
                        f.put("kind", "adsb");
                        f.put("format", "sbs");
                        f.put("clock", "generated date and time, UTC");
                    }
                    default -> {
                        f.put("path", cat021File(r));
                        f.put("kind", "adsb");
                        f.put("format", "asterix-raw");
                        f.put("categories", List.of(21));
                        f.put("sac", CAT021_SAC);
                        f.put("sic", i + 1);
                    }
                }
                f.put("receiver", r.name());
                f.put("lat", r.lat());
                f.put("lon", r.lon());
                f.put("heightM", r.heightM());
                f.put("rangeNm", r.rangeNm());
                f.put("frames", adsb.framesWritten(i));
                files.add(f);
            }
            if (staleSinks[i] != null) {
                // the receiver's stale feed (a degradation): its repeats, as another Beast feed
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("path", staleFile(r));
                f.put("kind", "adsb");
                f.put("format", "beast");
                f.put("clock", "12 MHz ticks since start");
                f.put("receiver", r.name() + "-stale");
                f.put("lat", r.lat());
                f.put("lon", r.lon());
                f.put("heightM", r.heightM());
                f.put("rangeNm", r.rangeNm());
                f.put("frames", staleFrames[i]);
                files.add(f);
            }
        }
        if (systemTracks != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", SYSTEM_TRACKS);
            f.put("kind", "system-tracks");
            f.put("format", "asterix-raw");
            f.put("categories", List.of(62));
            f.put("sac", SystemTrackSensor.SAC);
            f.put("sic", SystemTrackSensor.SIC);
            f.put("updateSeconds", SystemTrackSensor.UPDATE_SECONDS);
            f.put("updates", systemTracks.updates());
            files.add(f);
        }
        for (RadarSensor rs : radars) {
            RadarSpec r = rs.spec;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", radarFile(r));
            f.put("kind", "radar");
            f.put("format", "asterix-raw");
            f.put("categories", List.of(48, 34));
            f.put("name", r.name());
            f.put("sac", r.sac());
            f.put("sic", r.sic());
            f.put("lat", r.lat());
            f.put("lon", r.lon());
            f.put("heightM", r.heightM());
            f.put("rangeNm", r.rangeNm());
            f.put("rotationSeconds", r.rotationSeconds());
            f.put("rangeSigmaM", r.rangeSigmaM());
            f.put("azimuthSigmaDeg", r.azimuthSigmaDeg());
            f.put("primary", r.primary());
            f.put(
                    "secondary",
                    r.secondary().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            f.put("plots", rs.plots());
            f.put("clutterPlots", rs.clutterPlots());
            f.put("northMarkers", rs.northMarkers());
            f.put("duplicatePlotsDropped", rs.duplicatesDropped());
            files.add(f);
        }
        // LinkedHashMap throughout, never Map.of: its iteration order changes from one JVM to the next
        Map<String, Object> fp = new LinkedHashMap<>();
        fp.put("path", FLIGHT_PLANS);
        fp.put("kind", "flight-plans");
        fp.put("format", "icao-fpl");
        fp.put("messages", plans);
        files.add(fp);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("path", TRUTH);
        t.put("kind", "truth");
        t.put("format", "jsonl");
        t.put("states", truth.states());
        t.put("events", truth.events());
        files.add(t);
        m.put("files", files);
        List<Object> qra = new ArrayList<>();
        for (QraUnit q : sc.qra()) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("name", q.name());
            u.put("base", q.base().icao());
            u.put("lat", q.base().lat());
            u.put("lon", q.base().lon());
            u.put("type", q.type().designator());
            u.put("nation", q.nation());
            u.put("count", q.count());
            u.put("readiness", q.readiness());
            u.put("callsign", q.callsign());
            qra.add(u);
        }
        m.put("qra", qra);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve(MANIFEST).toFile(), m);
    }
}
