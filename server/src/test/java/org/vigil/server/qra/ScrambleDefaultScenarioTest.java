package org.vigil.server.qra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.codec.fpl.FplParseResult;
import org.vigil.codec.fpl.FplParser;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.flightplan.RouteExpander;
import org.vigil.core.flightplan.RoutePoints;
import org.vigil.core.geo.Angles;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.ident.Alert;
import org.vigil.core.ident.AlertEvent;
import org.vigil.core.ident.IdentEventListener;
import org.vigil.core.ident.IdentRules;
import org.vigil.core.ident.IdentificationEngine;
import org.vigil.core.ident.Identity;
import org.vigil.core.ident.TrackIdentity;
import org.vigil.core.qra.Detachment;
import org.vigil.core.qra.InterceptOptions;
import org.vigil.core.qra.InterceptSolution;
import org.vigil.core.qra.InterceptSolver;
import org.vigil.core.qra.Posture;
import org.vigil.core.qra.TargetPath;
import org.vigil.core.qra.scramble.Scramble;
import org.vigil.core.qra.scramble.ScrambleConfig;
import org.vigil.core.qra.scramble.ScramblePhase;
import org.vigil.core.qra.scramble.ScrambleService;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.Flight;
import org.vigil.core.sim.Scenario;
import org.vigil.core.sim.Simulation;
import org.vigil.core.track.SystemTrack;
import org.vigil.core.track.TrackListener;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.cli.Theatres;
import org.vigil.server.ident.IdentStage;
import org.vigil.server.picture.Theatre;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;
import org.vigil.server.theatre.TestTheatres;
import org.vigil.server.tracking.TrackingPipeline;

/**
 * Issue #8 acceptance on the built-in scenario, headless: black-sea-2022 simulated step by step
 * (simulator, radars and ADS-B receivers as in a live run) into the tracker and the identification
 * engine; their alerts and track updates drive the scramble workflow, whose fighters are the
 * simulator's. The Il-20 flying without transponder raises an alert; its recommendation must put
 * first the unit with the shortest intercept (checked against the solver run on the simulator's
 * truth of the target); a scripted operator proposes and a scripted supervisor orders the Dutch
 * F-35A pair at Graf Ignatievo (the 2022 eAP detachment); the F-35s take off, fly the intercept and
 * must be in trail within 2 % of the time predicted at the order, as the workflow saw it (tracks)
 * and as the simulator's truth has it. Then shadow, outcome, return to base, landed: every phase with
 * its time in the events.
 */
class ScrambleDefaultScenarioTest {
    static final int IL20 = 0x155F01;
    static final String UNIT = "NL-F35-LBPG";
    static final double STEP = Simulation.STEP_SECONDS;
    /**
     * Time from the recommendation (and the operator's proposal) to the supervisor's order: the
     * CAOC's decision. Also lets the young primary-only track settle: ordered at once (0 s), the
     * prediction from the 40 s old track was 1.7 % late; at 60 s it is within 0.1 % (measured).
     */
    static final double DECISION_S = 60;

    static final List<String> events = new ArrayList<>();
    static final List<long[]> alerts = new ArrayList<>(); // id, track, priority, time
    static final Map<Integer, double[]> trackPositions = new HashMap<>();
    static final Map<String, Double> phaseSeconds = new LinkedHashMap<>();
    static ScrambleService service;
    static SimulatedFighters fighters;
    static Posture postureAtAlert;
    static List<ScrambleService.Recommendation> recommendation;
    static long recommendedAlert, startNanos;
    static double recommendedAtS, orderedAtS, predictedS, interceptAtS = Double.NaN, truthInterceptAtS = Double.NaN;
    static double il20Lat, il20Lon, il20Gs, il20Track, il20Alt; // Il-20 truth at the recommendation
    static double ordLat, ordLon, ordGs, ordTrack, ordAlt; // and at the order
    static String scrambleId;
    static int retasks;
    static double wallSeconds;
    /** First identity given to each track (after pending), and the tracks seen on our fighters. */
    static final Map<Integer, Identity> firstIdentity = new HashMap<>();

    static final java.util.Set<Integer> fighterTracks = new java.util.TreeSet<>();

    static final Map<Integer, Integer> addressOf = new HashMap<>();
    static final java.util.Set<Integer> fighterAddresses = new java.util.HashSet<>();

    @BeforeAll
    static void run() throws Exception {
        long wall0 = System.nanoTime();
        Scenario scenario = ScenarioLoader.load("black-sea-2022");
        startNanos = scenario.startEpochSeconds() * 1_000_000_000L;
        TrackingPipeline[] pipeline = new TrackingPipeline[1];
        RadarPlotSink plots = p -> pipeline[0].onPlot(p);
        SimFeed feed = new SimFeed(scenario, plots);
        Simulation sim = feed.simulation();
        fighters = new SimulatedFighters(sim);
        LaunchesToIdentification launches = new LaunchesToIdentification();
        service = new ScrambleService(
                TestTheatres.posture("black-sea-2022"),
                ScrambleConfig.defaults(),
                fighters,
                e -> events.add(org.vigil.core.event.EventCodec.encode(e)));
        service.onLaunch(launches);
        List<RadarSite> sites = scenario.radars().stream().map(SimFeed::site).toList();
        TrackerConfig config = TrackingPipeline.centreOn(new TrackerConfig(), sites);
        TrackListener positions = new TrackListener() {
            @Override
            public void updated(SystemTrack t, long time) {
                trackPositions.put(t.trackNumber(), new double[] {t.latDeg(), t.lonDeg(), time});
            }
        };
        ScrambleTrackFeed trackFeed = new ScrambleTrackFeed(service, config, positions);
        IdentEventListener alertListener = new IdentEventListener() {
            @Override
            public void alert(long t, Alert a, AlertEvent what) {
                if (what == AlertEvent.RAISED) alerts.add(new long[] {a.id, a.trackNumber, a.priority, t});
                trackFeed.onIdentAlert(t, a, what);
            }

            @Override
            public void identityChanged(long t, TrackIdentity track, Identity from, Identity to) {
                firstIdentity.putIfAbsent(track.trackNumber(), to);
                if (track.facts().icaoAddress != org.vigil.core.ident.TrackFacts.ABSENT)
                    addressOf.put(track.trackNumber(), track.facts().icaoAddress);
            }
        };
        FlightPlanStore plans = new FlightPlanStore(
                new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv")));
        FplParser parser = new FplParser();
        for (String text : feed.flightPlans()) {
            for (FplParseResult r : parser.parseAll(text))
                if (r instanceof FplParseResult.Parsed p) plans.apply(p.message());
        }
        // the theatre's list of QRA units left out: the scrambled fighters are known by their launch alone
        // (as with a theatre or a nation whose fighters' addresses are not listed)
        Theatre theatre = Theatres.builtIn("black-sea-2022");
        IdentRules noQraList = theatre.rules()
                .withLists(theatre.rules().known(), List.of(), theatre.rules().clearances());
        IdentificationEngine engine =
                IdentStage.engine(noQraList, plans, theatre.airspace(), theatre.membership(), alertListener);
        launches.tell(engine);
        IdentStage stage = new IdentStage(engine, trackFeed);
        pipeline[0] = new TrackingPipeline(config, stage, sites);
        pipeline[0].withTracker(t -> {
            stage.bind(t);
            return null;
        });

        Flight il20 = null;
        for (Flight f : sim.flights()) if (f.spec.icao() == IL20) il20 = f;
        Posture posture = TestTheatres.posture("black-sea-2022");
        Flight lead = null;
        for (double t = STEP; t <= 2.5 * 3600; t += STEP) {
            feed.advanceTo(t, pipeline[0]);
            long now = nanos(t);
            pipeline[0].advance(now);
            service.tick(now);
            if (scrambleId == null) {
                for (long[] a : alerts) {
                    List<ScrambleService.Recommendation> rec = service.recommendationFor(a[0]);
                    if (rec == null || !nearIl20((int) a[1], il20)) continue;
                    recommendation = rec;
                    recommendedAlert = a[0];
                    recommendedAtS = t;
                    postureAtAlert = posture;
                    il20Lat = il20.lat;
                    il20Lon = il20.lon;
                    il20Gs = il20.groundspeedKt;
                    il20Track = il20.trackDeg;
                    il20Alt = il20.altitudeFt;
                    // the scripted watch: the operator proposes the Dutch F-35A pair at once
                    ScrambleService.Result p =
                            service.propose(a[0], (int) a[1], UNIT, "olga", ScrambleService.Gate.OPEN);
                    assertThat(p.ok()).as(p.reason()).isTrue();
                    scrambleId = p.scrambleId();
                    break;
                }
                continue;
            }
            Scramble s = service.scrambleForTest(scrambleId);
            if (s.phase == ScramblePhase.PROPOSED && t >= recommendedAtS + DECISION_S) {
                // ... and the supervisor (the CAOC's decision) orders it DECISION_S later
                ordLat = il20.lat;
                ordLon = il20.lon;
                ordGs = il20.groundspeedKt;
                ordTrack = il20.trackDeg;
                ordAlt = il20.altitudeFt;
                ScrambleService.Result o = service.order(scrambleId, "sam", ScrambleService.Gate.OPEN);
                assertThat(o.ok()).as(o.reason()).isTrue();
                orderedAtS = t;
                predictedS = s.predicted.timeS;
            }
            if (s.orderedNanos == Long.MIN_VALUE) continue;
            for (Map.Entry<ScramblePhase, Long> e : s.phaseTimes.entrySet()) {
                phaseSeconds.putIfAbsent(e.getKey().wireName(), (e.getValue() - startNanos) / 1e9);
            }
            // the scripted operator keeps the tasking on the Il-20 if its track is dropped and restarted
            double[] seen = trackPositions.get(s.targetTrack);
            if (il20.airborne && seen != null && now - (long) seen[2] > 60_000_000_000L) {
                Integer best = nearestTrack(il20, now);
                if (best != null && best != s.targetTrack) {
                    service.retask(scrambleId, best, "sam", ScrambleService.Gate.OPEN);
                    retasks++;
                }
            }
            lead = fighters.lead(scrambleId);
            if (lead != null) fighterAddresses.add(lead.spec.icao());
            if (Double.isNaN(truthInterceptAtS) && lead != null && lead.airborne && il20.airborne) {
                double d = Sphere.distanceM(il20.lat, il20.lon, lead.lat, lead.lon) / Units.NM;
                double brg = Sphere.bearingDeg(il20.lat, il20.lon, lead.lat, lead.lon);
                if (d <= 1.5 && Math.abs(Angles.norm180(brg - il20.trackDeg - 180)) <= 90) truthInterceptAtS = t;
            }
            if (s.phase == ScramblePhase.INTERCEPT && Double.isNaN(interceptAtS))
                interceptAtS = (s.interceptNanos - startNanos) / 1e9;
            if (s.phase == ScramblePhase.SHADOW && s.outcomeAction == null) {
                service.outcome(
                        scrambleId,
                        "Il-20M (Russian Air Force)",
                        "shadowed, no action",
                        "sam",
                        ScrambleService.Gate.OPEN);
                service.returnToBase(scrambleId, "sam", ScrambleService.Gate.OPEN);
            }
            if (s.phase.ended()) break;
            if (t > orderedAtS + 3 * predictedS + 3600) break;
        }
        wallSeconds = (System.nanoTime() - wall0) / 1e9;
        // the tracks on our fighters: by the lead's address (the simulated wingman has the next one)
        for (Map.Entry<Integer, Integer> e : addressOf.entrySet()) {
            for (int a : fighterAddresses)
                if (e.getValue() == a || e.getValue() == a + 1) fighterTracks.add(e.getKey());
        }
        System.out.printf(
                Locale.ROOT,
                "scramble scenario: alert %d recommended at %.1f s, ordered at %.1f s, predicted %.1f s,"
                        + " intercept (tracks) at %.1f s = %.1f s after order, truth %.1f s; retasks %d; phases %s; wall %.1f s%n",
                recommendedAlert,
                recommendedAtS,
                orderedAtS,
                predictedS,
                interceptAtS,
                interceptAtS - orderedAtS,
                truthInterceptAtS - orderedAtS,
                retasks,
                phaseSeconds,
                wallSeconds);
        for (String e : events)
            if (e.contains("scramble.phase") || e.contains("scramble.ordered")) System.out.println(e);
    }

    static long nanos(double t) {
        return startNanos + Math.round(t * 1e9);
    }

    static boolean nearIl20(int track, Flight il20) {
        double[] p = trackPositions.get(track);
        return p != null && il20.airborne && Sphere.distanceM(p[0], p[1], il20.lat, il20.lon) < 5 * Units.NM;
    }

    static Integer nearestTrack(Flight f, long now) {
        Integer best = null;
        double bestM = 5 * Units.NM;
        for (Map.Entry<Integer, double[]> e : trackPositions.entrySet()) {
            double[] p = e.getValue();
            if (now - (long) p[2] > 20_000_000_000L) continue;
            double d = Sphere.distanceM(p[0], p[1], f.lat, f.lon);
            if (d < bestM) {
                bestM = d;
                best = e.getKey();
            }
        }
        return best;
    }

    @Test
    void theScrambledFightersAreFriendsFromTakeOffWithNoAlertAndNoRecommendation() {
        // issue #14: the scrambled pair (squawk 0000, no flight plan, not on any list here) is own forces
        assertThat(fighterTracks).as("tracks seen on the fighters").isNotEmpty();
        System.out.println("fighter tracks " + fighterTracks + " first identities "
                + fighterTracks.stream().map(firstIdentity::get).toList());
        for (int track : fighterTracks) {
            assertThat(firstIdentity.get(track))
                    .as("first identity of fighter track %d", track)
                    .isEqualTo(Identity.FRIEND);
            assertThat(alerts).as("alerts on fighter track %d", track).noneMatch(a -> a[1] == track);
            assertThat(events)
                    .as("recommendations against fighter track %d", track)
                    .noneMatch(e ->
                            e.contains("\"type\":\"scramble.recommended\"") && e.contains("\"track\":" + track + ","));
        }
    }

    @Test
    void theIl20TriggersARecommendationWithTheShortestInterceptFirst() {
        assertThat(recommendation).as("a recommendation for the Il-20's alert").isNotNull();
        assertThat(recommendation.get(0).solution().feasible).isTrue();
        for (int i = 1; i < recommendation.size(); i++) {
            InterceptSolution s = recommendation.get(i).solution();
            if (s.feasible)
                assertThat(s.timeS).isGreaterThanOrEqualTo(recommendation.get(0).solution().timeS);
        }
        // independently: the solver on the simulator's truth of the Il-20 at that moment picks the same unit first
        InterceptSolver solver = new InterceptSolver();
        TargetPath truth = new TargetPath(1).straight(il20Lat, il20Lon, il20Alt, il20Gs, il20Track);
        String fastest = null;
        double best = Double.POSITIVE_INFINITY;
        long epochMs = (startNanos / 1_000_000L) + (long) (recommendedAtS * 1000);
        for (Detachment d : postureAtAlert.detachments()) {
            InterceptSolution s = solver.solve(
                    d,
                    postureAtAlert.profileOf(d),
                    truth,
                    InterceptOptions.defaults(),
                    epochMs,
                    new InterceptSolution());
            if (s.feasible && s.timeS < best) {
                best = s.timeS;
                fastest = d.id();
            }
        }
        String first = fastest;
        assertThat(recommendation.get(0).unit().id()).isEqualTo(first);
        // the recommendation comes from the track seconds after its confirmation, whose velocity is
        // still settling: its times differ from the truth's by a few per cent (measured 5.5 %)
        System.out.printf(
                Locale.ROOT,
                "recommendation: %s first in %.1f s (track); on the truth %.1f s%n",
                first,
                recommendation.get(0).solution().timeS,
                best);
        assertThat(recommendation.get(0).solution().timeS)
                .isCloseTo(best, org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(events)
                .anySatisfy(e -> assertThat(e)
                        .contains(
                                "\"type\":\"scramble.recommended\"",
                                "\"alert\":" + recommendedAlert,
                                "\"rank\":1,\"unit\":\"" + first + "\""));
    }

    @Test
    void theOrderedF35sTakeOffAndInterceptWithinTwoPercentOfThePrediction() {
        assertThat(scrambleId).isNotNull();
        assertThat(phaseSeconds).containsKeys("proposed", "ordered", "airborne", "en-route", "intercept");
        // airborne after the time to airborne of QRA-15 (the fighter appears at the step after 15 min)
        assertThat(phaseSeconds.get("airborne") - orderedAtS).isBetween(900.0, 901.0);
        assertThat(interceptAtS).as("intercept seen on the tracks").isNotNaN();
        double flown = interceptAtS - orderedAtS;
        assertThat(Math.abs(flown - predictedS) / predictedS)
                .as("tracks: flown %.1f s, predicted %.1f s", flown, predictedS)
                .isLessThanOrEqualTo(0.02);
        double truthFlown = truthInterceptAtS - orderedAtS;
        assertThat(Math.abs(truthFlown - predictedS) / predictedS)
                .as("truth: flown %.1f s, predicted %.1f s", truthFlown, predictedS)
                .isLessThanOrEqualTo(0.02);
        // the same prediction made from the simulator's truth of the Il-20 at the order, not its young track
        Detachment f35 = postureAtAlert.detachment(UNIT);
        InterceptSolution onTruth = new InterceptSolver()
                .solve(
                        f35,
                        postureAtAlert.profileOf(f35),
                        new TargetPath(1).straight(ordLat, ordLon, ordAlt, ordGs, ordTrack),
                        InterceptOptions.defaults(),
                        startNanos / 1_000_000L + (long) (orderedAtS * 1000),
                        new InterceptSolution());
        System.out.printf(
                Locale.ROOT,
                "F-35 intercept: predicted %.1f s from the track, %.1f s from the truth; flown %.1f s (tracks),"
                        + " %.1f s (truth)%n",
                predictedS,
                onTruth.timeS,
                flown,
                truthFlown);
        assertThat(Math.abs(truthFlown - onTruth.timeS) / onTruth.timeS).isLessThanOrEqualTo(0.02);
        Flight lead = fighters.lead(scrambleId);
        assertThat(lead.callsign()).isEqualTo("NLF01");
        assertThat(lead.spec.type().designator()).isEqualTo("F35");
    }

    @Test
    void thePhasesAndTheirTimesAreInTheEvents() {
        assertThat(phaseSeconds).containsKeys("shadow", "rtb", "landed");
        List<String> phases = events.stream()
                .filter(e -> e.contains("\"type\":\"scramble.phase\""))
                .toList();
        assertThat(phases)
                .extracting(e -> e.replaceAll(".*\"phase\":\"([a-z-]+)\".*", "$1"))
                .containsSubsequence("airborne", "en-route", "intercept", "shadow", "rtb", "landed");
        String intercept = phases.stream()
                .filter(e -> e.contains("\"phase\":\"intercept\""))
                .findFirst()
                .orElseThrow();
        assertThat(intercept)
                .contains("\"predictedSeconds\":", "\"errorSeconds\":", "\"scramble\":\"" + scrambleId + "\"");
        assertThat(events).anySatisfy(e -> assertThat(e).contains("\"type\":\"scramble.outcome\"", "Il-20M"));
        assertThat(events).anySatisfy(e -> assertThat(e).contains("\"type\":\"qra.readiness\"", "\"available\":2"));
        // events are in data-time order
        List<String> times = events.stream().map(e -> e.substring(9, 33)).toList();
        assertThat(times).isSorted();
    }
}
