package org.vigil.core.ident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.ident.IdentFixture.at;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.Callsigns;
import org.vigil.core.airspace.BlackSeaTestAirspace;
import org.vigil.core.airspace.NationalAirspace;
import org.vigil.core.airspace.NatoMembership;
import org.vigil.core.flightplan.AtsMessage;
import org.vigil.core.flightplan.FlightPlan;
import org.vigil.core.flightplan.FlightPlanCorrelator;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.flightplan.FplItem;
import org.vigil.core.flightplan.RouteExpander;
import org.vigil.core.flightplan.RoutePoints;

/**
 * The steady-state path allocates nothing, with the real flight-plan correlator and airspace model
 * behind it, and a rough cost per update is printed (not asserted: machines differ).
 */
class IdentAllocationTest {
    private static FlightPlan plan(String id, String dep, String route, String dest) {
        return new FlightPlan(
                new FplItem.Identification(id, (char) 0, -1),
                new FplItem.Rules('I', 'S'),
                new FplItem.Aircraft(1, "A320", 'M'),
                new FplItem.Equipment("SDFGY", "S"),
                new FplItem.Departure(dep, 840),
                new FplItem.Route(new FplItem.Speed('N', 450), new FplItem.Level('F', 350), List.of(route.split(" "))),
                new FplItem.Destination(dest, 120, List.of()),
                new FplItem.Other(List.of(new FplItem.Entry("DOF", "220420"))),
                null);
    }

    @Test
    void steadyStateUpdatesAllocateNothing() {
        measure(true, true);
    }

    /** Also run by hand with parts switched off to see where the time goes (numbers in docs/IDENTIFICATION.md). */
    static void measure(boolean withPlans, boolean withAirspace) {
        FlightPlanStore store = new FlightPlanStore(
                new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv")));
        for (int i = 0; i < 20; i++)
            store.apply(new AtsMessage.Fpl(plan("BGH" + (100 + i), "LBSF", "DCT BALKA DCT TRAKI DCT", "LTFM")));
        NationalAirspace air = BlackSeaTestAirspace.nationalAirspace();
        IdentificationEngine engine = new IdentificationEngine(
                IdentRules.defaults(),
                withPlans ? new CorrelatorPlanLookup(new FlightPlanCorrelator(store)) : PlanLookup.NONE,
                withAirspace ? new NationalAirspaceLookup(air, NatoMembership.defaults()) : AirspaceLookup.NONE,
                null);

        // 200 tracks: 150 correlated airliners, 30 transponder tracks without a plan, 20 primary-only over the sea
        // heading west
        List<TrackFacts> tracks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            TrackFacts f = new TrackFacts();
            f.trackNumber = i + 1;
            f.groundSpeedKt = 450;
            f.verticalRateFpm = 0;
            if (i < 180) {
                f.latDeg = 42.05;
                f.lonDeg = 26.15;
                f.trackDeg = 120;
                f.altitudeFt = 35000;
                f.icaoAddress = 0x100000 + i;
                f.callsign = i < 150 ? Callsigns.pack("BGH" + (100 + i % 20)) : Callsigns.pack("ZZ" + i);
                f.squawk = 1000 + i;
                f.emergencyState = 0;
                f.hasAdsb = f.hasSsr = f.hasPrimary = true;
            } else {
                f.latDeg = 43.0;
                f.lonDeg = 29.6 + (i - 180) * 0.02;
                f.trackDeg = 268;
                f.hasPrimary = true;
            }
            tracks.add(f);
        }
        // each track updated every 5 s (a radar scan), spread over the scan; start on the plans' day of flight
        long start = java.time.Instant.parse("2022-04-20T14:30:00Z").getEpochSecond() * 1_000_000_000L - at(0);
        long[] clock = {0};
        Runnable scan = () -> {
            for (int i = 0; i < tracks.size(); i++) {
                TrackFacts f = tracks.get(i);
                f.timeNanos = at(0) + start + clock[0] + i * 25_000_000L;
                engine.update(f);
            }
            clock[0] += 5_000_000_000L;
        };
        for (int k = 0; k < 400; k++) scan.run(); // warm-up: past the pending period, JIT compiled
        if (withPlans) assertThat(engine.track(1).identity()).isEqualTo(Identity.NEUTRAL);
        assertThat(engine.track(170).identity()).isEqualTo(Identity.UNKNOWN);
        if (withAirspace)
            assertThat(engine.track(190).firingIds()).contains("no-transponder", "military-without-clearance");

        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        int scans = 1000;
        long before = mx.getThreadAllocatedBytes(tid);
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int k = 0; k < scans; k++) scan.run();
        long ns = System.nanoTime() - t0;
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        long bytes = mx.getThreadAllocatedBytes(tid) - before;
        long updates = (long) scans * tracks.size();
        System.out.printf(
                "identification (plans %s, airspace %s): %d updates, %.0f ns CPU / %.0f ns wall per update (incl. throttled correlation and time to entry), %d bytes allocated%n",
                withPlans, withAirspace, updates, (double) cpu / updates, (double) ns / updates, bytes);
        assertThat((double) bytes / updates).as("bytes per update").isLessThan(0.05);
    }
}
