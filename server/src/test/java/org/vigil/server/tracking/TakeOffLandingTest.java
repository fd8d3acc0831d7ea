package org.vigil.server.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.flightplan.RouteExpander;
import org.vigil.core.flightplan.RoutePoints;
import org.vigil.core.ident.Alert;
import org.vigil.core.ident.AlertEvent;
import org.vigil.core.ident.Cause;
import org.vigil.core.ident.IdentEventListener;
import org.vigil.core.ident.IdentificationEngine;
import org.vigil.core.ident.TrackFacts;
import org.vigil.core.track.SystemTrack;
import org.vigil.core.track.TrackListener;
import org.vigil.core.track.Tracker;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.cli.Theatres;
import org.vigil.server.flightplan.LandedFlights;
import org.vigil.server.ident.IdentStage;
import org.vigil.server.replay.ReplayFiles;
import org.vigil.server.replay.ReplaySinks;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimRunner;

/**
 * Issue #14 acceptance (items 1 and 2) end to end: one departure from every airport of the default
 * theatre's traffic (black-sea-2022's background airports), each to a near airport where it lands,
 * under the default scenario's five radars with their clutter (4-8 false plots a scan each) and its
 * ADS-B receivers, simulated for {@link #MINUTES} minutes and replayed through the tracker and the
 * identification stage. No track may be confirmed or updated above the tracker's speed limit, no
 * spoof, kinematics or route-deviation alert may fire, nothing may alert on a flight after its
 * touchdown, and every flight that landed in cover must have its flight plan closed.
 */
class TakeOffLandingTest {
    static final int MINUTES = 45;
    /** Departure → nearby destination: every background airport of black-sea-2022 departs once. */
    static final String[][] LEGS = {
        {"LBSF", "LBPD"}, {"LBPD", "LBSF"}, {"LBWN", "LBBG"}, {"LBBG", "LBWN"}, {"LBGO", "LBWN"},
        {"LROP", "LRCK"}, {"LRBS", "LRCV"}, {"LRCK", "LRTC"}, {"LRTC", "LRCK"}, {"LRCL", "LRSB"},
        {"LRIA", "LRCK"}, {"LRSB", "LRCL"}, {"LRTR", "LRCV"}, {"LRCV", "LRBS"}, {"LTFM", "LBBG"},
        {"LTFJ", "LBWN"}, {"LTBA", "LBBG"}, {"LTAC", "LTFJ"}, {"LTFH", "LTCG"}, {"LTCG", "LTFH"},
        {"UGTB", "UGSB"}, {"UGSB", "UGTB"}
    };

    record Raised(Cause cause, long timeNanos, String icao, double lat, double lon) {}

    static final List<Raised> raised = new ArrayList<>();
    static final Map<String, Long> landedMs = new HashMap<>();
    static final Map<String, String> destination = new HashMap<>();
    static final Map<String, String> callsignOf = new HashMap<>();
    static double fastestConfirmed, fastestUpdated;
    static LandedFlights landed;
    static final TrackerConfig config = new TrackerConfig();

    @TempDir
    static Path dir;

    static String scenario() throws Exception {
        String base = new String(
                TakeOffLandingTest.class
                        .getResourceAsStream("/scenarios/black-sea-2022.yaml")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        // the default scenario's header, airports, radars (with clutter) and receivers; our own flights
        String head = base.substring(0, base.indexOf("\nqra:"));
        StringBuilder b = new StringBuilder(head.replace("name: black-sea-2022", "name: take-offs-and-landings"));
        b.append("\nflights:\n");
        String[] types = {"A320", "B738", "E190", "AT76", "DH8D", "A321"};
        for (int i = 0; i < LEGS.length; i++) {
            String icao = String.format(Locale.ROOT, "4C%04X", 0x1400 + i);
            String cs = "TKO" + (100 + i);
            destination.put(icao, LEGS[i][1]);
            callsignOf.put(icao, cs);
            b.append(String.format(
                    Locale.ROOT,
                    "  - {callsign: %s, icao: %s, type: %s, squawk: \"%04o\", from: %s, to: %s, start: %ds}%n",
                    cs,
                    icao,
                    types[i % types.length],
                    01000 + i,
                    LEGS[i][0],
                    LEGS[i][1],
                    20 * i));
        }
        return b.toString();
    }

    @BeforeAll
    static void run() throws Exception {
        SimRunner.run(ScenarioLoader.parse(scenario(), "take-offs.yaml"), dir, MINUTES * 60.0, null);
        ReplayFiles run = ReplayFiles.open(dir);
        readLandings(run.truth());

        FlightPlanStore plans = new FlightPlanStore(
                new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv")));
        IdentificationEngine[] engine = new IdentificationEngine[1];
        IdentEventListener recorder = new IdentEventListener() {
            @Override
            public void alert(long t, Alert a, AlertEvent what) {
                if (what != AlertEvent.RAISED) return;
                TrackFacts f = engine[0].track(a.trackNumber).facts();
                raised.add(new Raised(
                        a.cause,
                        t,
                        f.icaoAddress == TrackFacts.ABSENT ? null : String.format("%06X", f.icaoAddress),
                        f.latDeg,
                        f.lonDeg));
            }
        };
        engine[0] = Theatres.builtIn("black-sea-2022").identificationEngine(plans, recorder);
        IdentStage stage = new IdentStage(engine[0], null);
        TrackListener speeds = new Speeds(stage);
        TrackingPipeline pipeline =
                new TrackingPipeline(TrackingPipeline.centreOn(config, run.radars()), speeds, run.radars());
        pipeline.withTracker(t -> {
            stage.bind(t);
            return null;
        });
        landed = new LandedFlights(plans);
        pipeline.onLanded(landed);
        run.run(ReplaySinks.none()
                .withFrames(pipeline)
                .withPlots(pipeline)
                .withMessages(pipeline::onDecoded)
                .withFlightPlans(plans::apply));
        pipeline.finish();
        System.out.printf(
                Locale.ROOT,
                "take-offs and landings: %d landed in the truth, %d landings reported, %d plans closed %s; "
                        + "fastest confirmation %.0f m/s, fastest update %.0f m/s; alerts %s%n",
                landedMs.size(),
                landed.landings(),
                landed.closed(),
                landed.closedPlans(),
                fastestConfirmed,
                fastestUpdated,
                raised);
    }

    /** Passes every event to the identification stage and notes the fastest confirmed and updated tracks. */
    static final class Speeds implements TrackListener {
        final IdentStage next;

        Speeds(IdentStage next) {
            this.next = next;
        }

        @Override
        public void bind(Tracker tracker) {
            next.bind(tracker);
        }

        @Override
        public void initiated(SystemTrack t, long time) {
            next.initiated(t, time);
        }

        @Override
        public void confirmed(SystemTrack t, long time) {
            fastestConfirmed = Math.max(fastestConfirmed, t.groundSpeed());
            next.confirmed(t, time);
        }

        @Override
        public void updated(SystemTrack t, long time) {
            fastestUpdated = Math.max(fastestUpdated, t.groundSpeed());
            next.updated(t, time);
        }

        @Override
        public void identifiersChanged(SystemTrack t, long time) {
            next.identifiersChanged(t, time);
        }

        @Override
        public void sensorsChanged(SystemTrack t, long time) {
            next.sensorsChanged(t, time);
        }

        @Override
        public void disagreementRaised(SystemTrack t, long time) {
            next.disagreementRaised(t, time);
        }

        @Override
        public void disagreementCleared(SystemTrack t, long time) {
            next.disagreementCleared(t, time);
        }

        @Override
        public void deleted(SystemTrack t, long time) {
            next.deleted(t, time);
        }
    }

    static void readLandings(Path truth) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(truth, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                if (n.path("type").asText().equals("event")
                        && n.path("event").asText().equals("landed"))
                    landedMs.put(n.path("icao").asText(), n.path("epochMs").asLong());
            }
        }
    }

    @Test
    void noTrackIsConfirmedOrUpdatedAbovePhysicalSpeed() {
        assertThat(fastestConfirmed).isLessThanOrEqualTo(config.maxSpeedMetresPerSecond);
        assertThat(fastestUpdated).isLessThanOrEqualTo(config.maxSpeedMetresPerSecond);
    }

    @Test
    void takeOffsAndLandingsRaiseNoSpoofKinematicsOrDeviationAlert() {
        assertThat(raised)
                .filteredOn(a -> a.cause == Cause.ADSB_RADAR_MISMATCH
                        || a.cause == Cause.IMPLAUSIBLE_KINEMATICS
                        || a.cause == Cause.ROUTE_DEVIATION)
                .isEmpty();
    }

    @Test
    void nothingAlertsOnAFlightAfterItsTouchdown() {
        assertThat(landedMs).as("flights that landed within the run").hasSizeGreaterThanOrEqualTo(8);
        assertThat(raised)
                .filteredOn(a -> a.icao != null
                        && landedMs.containsKey(a.icao)
                        && a.timeNanos >= landedMs.get(a.icao) * 1_000_000L)
                .isEmpty();
    }

    @Test
    void aLandedFlightClosesItsFlightPlan() {
        List<String> expected = new ArrayList<>();
        for (String icao : landedMs.keySet()) {
            String to = destination.get(icao);
            // in the radars' and receivers' cover: Bulgaria and the Romanian south and coast
            if (to != null && (to.startsWith("LB") || to.equals("LRCK") || to.equals("LRTC") || to.equals("LRBS")))
                expected.add(callsignOf.get(icao) + " " + to);
        }
        assertThat(expected).isNotEmpty();
        assertThat(landed.closedPlans()).containsAll(expected);
    }
}
