package org.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vigil.core.flightplan.Aerodrome;
import org.vigil.core.flightplan.Aerodromes;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.ident.Alert;
import org.vigil.core.ident.AlertEvent;
import org.vigil.core.ident.Cause;
import org.vigil.core.ident.IdentEventListener;
import org.vigil.core.ident.IdentificationEngine;
import org.vigil.core.ident.TrackFacts;
import org.vigil.core.sim.AircraftType;
import org.vigil.core.sim.Airport;
import org.vigil.core.sim.BackgroundSpec;
import org.vigil.core.sim.FlightSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.ident.IdentStage;
import org.vigil.server.ident.SimulatedOperator;
import org.vigil.server.picture.Theatre;
import org.vigil.server.replay.ReplayFiles;
import org.vigil.server.replay.ReplaySinks;
import org.vigil.server.replay.Replayer;
import org.vigil.server.sim.SimRunner;
import org.vigil.server.tracking.TrackingPipeline;

/**
 * The false-alert benchmark of {@code vigil bench false-alerts} (issue #14): a theatre's default
 * scenario (its scripted flights, sensors with their clutter, QRA units) made busy with airline
 * traffic between every large and medium aerodrome inside the scenario's area and general aviation
 * (half ADS-B, half Mode A/C only), simulated, then replayed through the tracker and the
 * identification engine as {@code vigil replay} does. Every alert raised is attributed to a flight
 * (the track's ICAO address, else the nearest true position within 3 NM at that second): on a
 * scripted flight it is expected, and its delay after the scripted event is measured; on any other
 * flight, or on no aircraft, it is a false alert.
 */
final class FalseAlertBench {
    private final double perHour, gaPerHour;
    private final List<Run> runs = new ArrayList<>();

    FalseAlertBench(double perHour, double gaPerHour) {
        this.perHour = perHour;
        this.gaPerHour = gaPerHour;
    }

    /** A false alert: where and what the aircraft was doing (to tell the rules' share from the tracker's). */
    record FalseAlert(String rule, String flight, String time, String context) {}

    /** A scripted flight's alert and its delay after what the script made visible. */
    record Scripted(String flight, String rule, String after, double delayS) {}

    record Run(
            String theatre,
            int seed,
            double hours,
            int civilFlights,
            double civilHours,
            int airports,
            int radars,
            long inputs,
            double wallS,
            List<FalseAlert> falseAlerts,
            List<Scripted> scripted) {
        String summary() {
            return String.format(
                    Locale.ROOT,
                    "%s seed %d: %.2f h, %d civil flights, %.1f civil flight-hours, %d airports, %d radars, %,d inputs"
                            + " in %.0f s; false alerts %d, scripted alerts %d",
                    theatre,
                    seed,
                    hours,
                    civilFlights,
                    civilHours,
                    airports,
                    radars,
                    inputs,
                    wallS,
                    falseAlerts.size(),
                    scripted.size());
        }
    }

    /** A raised alert as the engine saw it. */
    private record Raised(Cause cause, long nanos, String icao, double lat, double lon) {}

    /** The scenario made busy: the same scripted flights, sensors and QRA units, another seed and duration. */
    Scenario busy(Scenario sc, int seed, double seconds) {
        List<Airport> airports = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Aerodrome a : Aerodromes.builtIn().all()) {
            if (!("large_airport".equals(a.type()) || "medium_airport".equals(a.type()))) continue;
            if (a.lat() < sc.south() || a.lat() > sc.north() || a.lon() < sc.west() || a.lon() > sc.east()) continue;
            if (seen.add(a.icao()))
                airports.add(new Airport(
                        a.icao(), a.name(), a.lat(), a.lon(), Double.isNaN(a.elevationFt()) ? 0 : a.elevationFt()));
        }
        BackgroundSpec b0 = sc.background();
        if (b0 != null) for (Airport a : b0.airports()) if (seen.add(a.icao())) airports.add(a);
        List<AircraftType> types = b0 != null && !b0.types().isEmpty()
                ? b0.types()
                : List.of(AircraftType.of("A320"), AircraftType.of("B738"), AircraftType.of("E190"));
        double adsb = b0 != null ? b0.adsbShare() : 0.9;
        BackgroundSpec busy =
                new BackgroundSpec(perHour, (int) Math.round(perHour), airports, types, adsb, gaPerHour, 0.5);
        return new Scenario(
                sc.name(),
                sc.startEpochSeconds(),
                seconds,
                seed,
                sc.south(),
                sc.north(),
                sc.west(),
                sc.east(),
                sc.windFromDeg(),
                sc.windKt(),
                sc.truthIntervalSeconds(),
                sc.radars(),
                sc.receivers(),
                sc.flights(),
                sc.qra(),
                busy,
                sc.degradations());
    }

    Run run(Theatre theatre, Scenario scenario, int seed, double seconds, Path dir) throws IOException {
        long wall0 = System.nanoTime();
        Scenario sc = busy(scenario, seed, seconds);
        SimRunner.run(sc, dir, seconds, null);
        ReplayFiles files = ReplayFiles.open(dir);

        FlightPlanStore plans = theatre.newFlightPlanStore();
        List<Raised> raised = new ArrayList<>();
        IdentificationEngine[] engine = new IdentificationEngine[1];
        IdentEventListener listener = new IdentEventListener() {
            @Override
            public void alert(long t, Alert a, AlertEvent what) {
                if (what != AlertEvent.RAISED) return;
                TrackFacts f = engine[0].track(a.trackNumber).facts();
                String icao = f.icaoAddress == TrackFacts.ABSENT ? null : String.format("%06X", f.icaoAddress);
                raised.add(new Raised(a.cause, t, icao, f.latDeg, f.lonDeg));
            }
        };
        engine[0] = theatre.identificationEngine(plans, listener);
        IdentStage stage = new IdentStage(engine[0], null);
        stage.setOperator(SimulatedOperator.fromTruth(files.truth(), SimulatedOperator.Mode.DECLARE_LOST));
        TrackingPipeline pipeline = new TrackingPipeline(
                TrackingPipeline.centreOn(new TrackerConfig(), files.radars()), stage, files.radars());
        pipeline.withTracker(t -> {
            stage.bind(t);
            return null;
        });
        Replayer.Summary s = files.run(ReplaySinks.none()
                .withFrames(pipeline)
                .withPlots(pipeline)
                .withMessages(pipeline::onDecoded)
                .withFlightPlans(plans::apply));
        pipeline.finish();

        Set<String> scriptedIcao = new HashSet<>();
        for (FlightSpec f : scenario.flights()) scriptedIcao.add(String.format("%06X", f.icao()));
        Truth truth = Truth.read(files.truth(), raised, scriptedIcao, sc.truthIntervalSeconds());

        List<FalseAlert> falses = new ArrayList<>();
        List<Scripted> scripted = new ArrayList<>();
        Map<String, Long> firstOf = new HashMap<>();
        for (int i = 0; i < raised.size(); i++) {
            Raised a = raised.get(i);
            String icao = a.icao != null ? a.icao : truth.nearest[i];
            String time = org.vigil.core.ident.EventLines.time(a.nanos).substring(11, 19);
            if (icao != null && scriptedIcao.contains(icao)) {
                String key = icao + " " + a.cause.id;
                if (firstOf.putIfAbsent(key, a.nanos) != null) continue;
                String event = eventFor(a.cause);
                Long ref = event == null ? null : truth.events.get(icao + "/" + event);
                String after = ref != null ? event : "appears";
                if (ref == null) ref = truth.firstMs.get(icao);
                double delay = ref == null ? Double.NaN : (a.nanos - ref * 1_000_000L) / 1e9;
                scripted.add(
                        new Scripted(truth.callsign.getOrDefault(icao, "") + "/" + icao, a.cause.id, after, delay));
                continue;
            }
            String flight =
                    icao == null ? "(no aircraft within 3 NM)" : truth.callsign.getOrDefault(icao, "") + "/" + icao;
            falses.add(new FalseAlert(a.cause.id, flight, time, truth.context[i]));
        }
        Run run = new Run(
                theatre.name(),
                seed,
                seconds / 3600,
                truth.civilFlights.size(),
                truth.civilSeconds / 3600,
                sc.background().airports().size(),
                sc.radars().size(),
                s.delivered(),
                (System.nanoTime() - wall0) / 1e9,
                falses,
                scripted);
        synchronized (runs) {
            runs.add(run);
        }
        return run;
    }

    /** The truth event a scripted alert follows (the event's name plus its code for squawks), or null: "appears". */
    private static String eventFor(Cause c) {
        return switch (c) {
            case SQUAWK_7500 -> "squawk7500";
            case SQUAWK_7600 -> "squawk7600";
            case SQUAWK_7700 -> "squawk7700";
            case RADIO_CONTACT_LOST, NO_REPLY_TO_CONTROLLER -> "radio-lost";
            case ADSB_RADAR_MISMATCH -> "adsb-spoof";
            case ROUTE_DEVIATION -> "leave-route";
            default -> null;
        };
    }

    /** What the bench needs from the truth file, read in one pass. */
    private static final class Truth {
        final Map<String, Long> events = new HashMap<>();
        final Map<String, Long> firstMs = new HashMap<>();
        final Map<String, String> callsign = new HashMap<>();
        final Set<String> civilFlights = new HashSet<>();
        double civilSeconds;
        String[] nearest;
        String[] context;

        static Truth read(Path file, List<Raised> raised, Set<String> scripted, double interval) throws IOException {
            Truth t = new Truth();
            int n = raised.size();
            t.nearest = new String[n];
            t.context = new String[n];
            double[] bestNm = new double[n];
            java.util.Arrays.fill(bestNm, 3);
            Map<Long, List<Integer>> bySecond = new HashMap<>();
            for (int i = 0; i < n; i++)
                bySecond.computeIfAbsent(Math.floorDiv(raised.get(i).nanos, 1_000_000_000L), k -> new ArrayList<>())
                        .add(i);
            ObjectMapper json = new ObjectMapper();
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) {
                    JsonNode j = json.readTree(line);
                    String icao = j.path("icao").asText();
                    long ms = j.path("epochMs").asLong();
                    t.callsign.putIfAbsent(icao, j.path("flight").asText(""));
                    t.firstMs.putIfAbsent(icao, ms);
                    if (j.path("type").asText().equals("event")) {
                        t.events.putIfAbsent(
                                icao + "/" + j.path("event").asText()
                                        + j.path("code").asText(""),
                                ms);
                        continue;
                    }
                    if (!scripted.contains(icao)) {
                        t.civilFlights.add(icao);
                        t.civilSeconds += interval;
                    }
                    List<Integer> due = bySecond.get(Math.floorDiv(ms, 1000));
                    if (due == null) continue;
                    double lat = j.path("lat").asDouble(), lon = j.path("lon").asDouble();
                    for (int i : due) {
                        Raised a = raised.get(i);
                        boolean same = icao.equals(a.icao);
                        double nm = Sphere.distanceM(a.lat, a.lon, lat, lon) / Units.NM;
                        if (same || (a.icao == null && nm < bestNm[i])) {
                            if (!same) {
                                bestNm[i] = nm;
                                t.nearest[i] = icao;
                            }
                            t.context[i] = String.format(
                                    Locale.ROOT,
                                    "%.0f ft, %.0f kt, vs %.0f fpm, %.1f NM from the truth",
                                    j.path("altFt").asDouble(),
                                    j.path("gsKt").asDouble(),
                                    j.path("vsFpm").asDouble(),
                                    nm);
                        }
                    }
                }
            }
            return t;
        }
    }

    /** The Markdown report over every run made. */
    /** Puts the runs in this order (parallel runs finish in any order). */
    void sortRuns(java.util.Comparator<Run> order) {
        synchronized (runs) {
            runs.sort(order);
        }
    }

    String report(String command) {
        StringBuilder b = new StringBuilder();
        b.append("Command: `").append(command).append("`\n\n");
        b.append(
                "| theatre | seed | hours | civil flights | civil flight-hours | airports | radars | inputs | wall s | false alerts |\n");
        b.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        double hours = 0;
        Map<String, Integer> byRule = new TreeMap<>();
        for (Run r : runs) {
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.2f | %d | %.1f | %d | %d | %,d | %.0f | %d |%n",
                    r.theatre,
                    r.seed,
                    r.hours,
                    r.civilFlights,
                    r.civilHours,
                    r.airports,
                    r.radars,
                    r.inputs,
                    r.wallS,
                    r.falseAlerts.size()));
            hours += r.civilHours;
            for (FalseAlert f : r.falseAlerts) byRule.merge(f.rule, 1, Integer::sum);
        }
        int total = byRule.values().stream().mapToInt(Integer::intValue).sum();
        b.append(String.format(
                Locale.ROOT,
                "%n**False alerts: %d in %.1f civil flight-hours = %.2f per 1,000 civil flight-hours.**%n%n",
                total,
                hours,
                hours > 0 ? total * 1000 / hours : Double.NaN));
        b.append("| rule | false alerts | per 1,000 civil flight-hours |\n| --- | --- | --- |\n");
        for (Cause c : Cause.values()) {
            int k = byRule.getOrDefault(c.id, 0);
            b.append(String.format(Locale.ROOT, "| `%s` | %d | %.2f |%n", c.id, k, hours > 0 ? k * 1000 / hours : 0));
        }
        b.append("\nEvery false alert (theatre, seed, time, rule, flight, the aircraft's truth at that second):\n\n");
        int listed = 0;
        for (Run r : runs) {
            for (FalseAlert f : r.falseAlerts) {
                if (listed++ >= 100) break;
                b.append(String.format(
                        Locale.ROOT,
                        "- %s seed %d %s `%s` %s: %s%n",
                        r.theatre,
                        r.seed,
                        f.time,
                        f.rule,
                        f.flight,
                        f.context == null ? "no aircraft" : f.context));
            }
        }
        if (listed == 0) b.append("- none\n");
        b.append("\nDetection delay of every scripted alert (from the scripted event, or from the flight's first "
                + "appearance in the truth for the rules with no event):\n\n");
        b.append("| theatre | seed | flight | rule | after | delay s |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Run r : runs) {
            for (Scripted s : r.scripted) {
                b.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %s | `%s` | %s | %.1f |%n",
                        r.theatre,
                        r.seed,
                        s.flight,
                        s.rule,
                        s.after,
                        s.delayS));
            }
        }
        return b.toString();
    }
}
