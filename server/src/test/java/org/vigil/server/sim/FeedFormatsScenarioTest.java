package org.vigil.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.cli.Theatres;
import org.vigil.server.ident.IdentStage;
import org.vigil.server.replay.ReplayFiles;
import org.vigil.server.replay.ReplaySinks;
import org.vigil.server.tracking.SystemTrackView;
import org.vigil.server.tracking.TrackingPipeline;

/**
 * Issue 13: every feed into the fused picture. The built-in scenario written once as SBS lines,
 * CAT021 reports (each receiver as an ADS-B ground station) and CAT062 system tracks (another
 * tracker); each format alone (with the flight plans) replayed through the tracker and the
 * identification stage must give confirmed tracks and the scripted alerts that format can show:
 * ADS-B alone (SBS, CAT021) shows THY1TK's 7700, ROT263's 7600 and AEE3WX's route deviation; system
 * tracks also show LZDBS (transponder, no ADS-B) without a flight plan. The Il-20's no-transponder
 * alert and the ADS-B/radar mismatch need radar plots, which none of these feeds carries.
 * {@link #MINUTES} covers the last of these (7600 at 27 min).
 */
class FeedFormatsScenarioTest {
    static final int MINUTES = 28;
    static final String ROT263 = "4A8263",
            THY1TK = "4BA9C1",
            AEE3WX = "46833E",
            WZZ4375 = "471F75",
            LZDBS = "450A11",
            IL20 = "155F01";

    record Raised(Cause cause, String icao, long timeNanos) {}

    record Outcome(int confirmedTracks, List<Raised> alerts, TrackingPipeline.Stats stats) {}

    static final Map<String, Outcome> outcomes = new TreeMap<>();
    static long startNanos;

    @TempDir
    static Path dir;

    @BeforeAll
    static void simulateAndReplayEachFormat() throws Exception {
        SimRunner.run(
                ScenarioLoader.load("black-sea-2022"),
                dir,
                MINUTES * 60.0,
                null,
                new SimRunner.Outputs(false, true, true, true));
        startNanos = ReplayFiles.open(dir).startNanos();
        outcomes.put("sbs", replay(files(".sbs")));
        outcomes.put("cat021", replay(files("-cat021.ast")));
        outcomes.put("cat062", replay(List.of(dir.resolve(SimRunner.SYSTEM_TRACKS))));
        outcomes.forEach((k, v) -> System.out.printf(
                "%s: %d confirmed tracks at the end, %d alerts %s, %s%n",
                k, v.confirmedTracks, v.alerts.size(), v.alerts, v.stats));
    }

    static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    static Outcome replay(List<Path> feed) throws IOException {
        assertThat(feed).isNotEmpty();
        List<Path> inputs = new ArrayList<>();
        inputs.add(dir.resolve(SimRunner.FLIGHT_PLANS));
        inputs.addAll(feed);
        ReplayFiles run = ReplayFiles.captures(inputs, List.of(), Instant.ofEpochSecond(0, startNanos));
        FlightPlanStore plans = new FlightPlanStore(
                new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv")));
        List<Raised> alerts = new ArrayList<>();
        IdentificationEngine[] engine = new IdentificationEngine[1];
        IdentEventListener recorder = new IdentEventListener() {
            @Override
            public void alert(long t, Alert a, AlertEvent what) {
                if (what != AlertEvent.RAISED) return;
                TrackFacts f = engine[0].track(a.trackNumber).facts();
                alerts.add(new Raised(
                        a.cause, f.icaoAddress == TrackFacts.ABSENT ? null : String.format("%06X", f.icaoAddress), t));
            }
        };
        engine[0] = Theatres.builtIn("black-sea-2022").identificationEngine(plans, recorder);
        IdentStage stage = new IdentStage(engine[0], null);
        TrackingPipeline pipeline = TrackingPipeline.startingWhereDataIs(new TrackerConfig(), stage);
        run.run(ReplaySinks.none()
                .withPlots(pipeline)
                .withMessages(pipeline::onDecoded)
                .withFlightPlans(plans::apply));
        pipeline.finish();
        List<SystemTrackView> confirmed = pipeline.views(true);
        return new Outcome(confirmed.size(), alerts, pipeline.stats());
    }

    static Map<Cause, List<String>> byCause(String format) {
        Map<Cause, List<String>> m = new LinkedHashMap<>();
        for (Raised r : outcomes.get(format).alerts)
            m.computeIfAbsent(r.cause, c -> new ArrayList<>()).add(r.icao);
        return m;
    }

    @Test
    void sbsAloneGivesConfirmedTracksAndTheSquawkAlerts() {
        Outcome o = outcomes.get("sbs");
        assertThat(o.stats.reportDetections()).isPositive();
        assertThat(o.confirmedTracks).isGreaterThan(20);
        assertThat(byCause("sbs").get(Cause.SQUAWK_7700)).contains(THY1TK);
        assertThat(byCause("sbs").get(Cause.SQUAWK_7600)).contains(ROT263);
    }

    @Test
    void cat021AloneGivesConfirmedTracksAndTheSquawkAlerts() {
        Outcome o = outcomes.get("cat021");
        assertThat(o.stats.reportDetections()).isPositive();
        assertThat(o.confirmedTracks).isGreaterThan(20);
        assertThat(byCause("cat021").get(Cause.SQUAWK_7700)).contains(THY1TK);
        assertThat(byCause("cat021").get(Cause.SQUAWK_7600)).contains(ROT263);
    }

    @Test
    void cat062AloneGivesConfirmedTracksAndTheSquawkAlerts() {
        Outcome o = outcomes.get("cat062");
        assertThat(o.confirmedTracks).isGreaterThan(20);
        assertThat(byCause("cat062").get(Cause.SQUAWK_7700)).contains(THY1TK);
        assertThat(byCause("cat062").get(Cause.SQUAWK_7600)).contains(ROT263);
    }

    @Test
    void everyAlertIsOnAScriptedFlight() {
        // WZZ4375's spoofed ADS-B position (20 NM off) shows as a route deviation where no radar contradicts it
        List<String> scripted = List.of(THY1TK, ROT263, AEE3WX, WZZ4375, LZDBS, IL20);
        for (String format : outcomes.keySet()) {
            assertThat(outcomes.get(format).alerts).as(format).isNotEmpty();
            for (Raised r : outcomes.get(format).alerts)
                assertThat(r.icao).as(format + " " + r).isIn(scripted);
        }
        assertThat(byCause("sbs").get(Cause.ROUTE_DEVIATION)).contains(AEE3WX);
        assertThat(byCause("cat021").get(Cause.ROUTE_DEVIATION)).contains(AEE3WX);
        assertThat(byCause("cat062").get(Cause.ROUTE_DEVIATION)).contains(AEE3WX);
        // LZDBS has a transponder but no ADS-B: only the system tracks know it
        assertThat(byCause("cat062").get(Cause.NO_FLIGHT_PLAN)).contains(LZDBS);
    }
}
