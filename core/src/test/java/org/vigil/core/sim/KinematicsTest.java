package org.vigil.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.geo.Angles;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;

/** Turns respect the bank limit, climbs the type's rate, flights reach their airports, wind drifts correctly. */
class KinematicsTest {
    static final Airport SOFIA = new Airport("LBSF", "Sofia", 42.6967, 23.4114, 1742);
    static final Airport VARNA = new Airport("LBWN", "Varna", 43.2321, 27.8251, 230);

    static Scenario scenario(List<FlightSpec> flights, double windFrom, double windKt) {
        return new Scenario(
                "k",
                1_650_445_200L,
                3 * 3600,
                1,
                38,
                48,
                20,
                36,
                windFrom,
                windKt,
                1,
                List.of(),
                List.of(),
                flights,
                List.of(),
                null);
    }

    static FlightSpec airborne(
            String cs,
            AircraftType t,
            double lat,
            double lon,
            double lat2,
            double lon2,
            double alt,
            List<FlightEvent> events) {
        return new FlightSpec(
                cs,
                0x4A0001 + cs.hashCode() % 100,
                t,
                1000,
                true,
                true,
                true,
                null,
                null,
                List.of(new double[] {lat, lon}, new double[] {lat2, lon2}),
                0,
                alt,
                alt,
                t.cruiseKt(),
                'I',
                events);
    }

    @Test
    void turnRateNeverExceedsTheBankLimit() {
        AircraftType a320 = AircraftType.of("A320");
        // heading east, then ordered to reverse: a 180 degree coordinated turn
        Scenario sc = scenario(
                List.of(airborne(
                        "TURN1", a320, 43, 25, 43, 30, 35000, List.of(FlightEvent.of(60, EventKind.LEAVE_ROUTE, 270)))),
                Double.NaN,
                0);
        Simulation sim = new Simulation(sc);
        Flight f = sim.flights().get(0);
        double maxRate = 0, previous = Double.NaN;
        for (int i = 0; i < 600; i++) {
            sim.step();
            if (!Double.isNaN(previous))
                maxRate =
                        Math.max(maxRate, Math.abs(Angles.norm180(f.headingDeg - previous)) / Simulation.STEP_SECONDS);
            previous = f.headingDeg;
            assertThat(Math.abs(f.bankDeg)).isLessThanOrEqualTo(25.0 + 1e-9);
        }
        double v = a320.cruiseKt() * Units.KT;
        double limit = Math.toDegrees(Units.G * Math.tan(Math.toRadians(25)) / v);
        assertThat(maxRate).isCloseTo(limit, within(0.01)); // it does turn at the limit, not faster
        assertThat(f.headingDeg).isCloseTo(270, within(0.5));
        assertThat(limit).isBetween(1.0, 1.5); // about 1.2 deg/s at 447 kt: a sanity check of the formula
    }

    @Test
    void climbsAtTheTypeRateAndLandsAtTheDestination() {
        AircraftType e190 = AircraftType.of("E190");
        FlightSpec spec = new FlightSpec(
                "LZB1",
                0x450001,
                e190,
                2000,
                true,
                true,
                true,
                SOFIA,
                VARNA,
                List.of(new double[] {SOFIA.lat(), SOFIA.lon()}, new double[] {VARNA.lat(), VARNA.lon()}),
                0,
                Double.NaN,
                33000,
                e190.cruiseKt(),
                'I',
                List.of());
        Simulation sim = new Simulation(scenario(List.of(spec), Double.NaN, 0));
        List<String> what = new ArrayList<>();
        sim.setListener((fl, t, w, e) -> what.add(w));
        Flight f = sim.flights().get(0);
        double maxClimb = 0, maxAlt = 0;
        for (int i = 0; i < 2 * 3600 && !f.finished; i++) {
            double before = f.altitudeFt; // the rate limit applies to the altitude the step starts at
            sim.step();
            if (f.finished) break;
            maxClimb = Math.max(maxClimb, f.verticalRateFpm);
            maxAlt = Math.max(maxAlt, f.altitudeFt);
            assertThat(f.verticalRateFpm).isLessThanOrEqualTo(Kinematics.climbRateFpm(e190, before) + 1e-6);
            assertThat(f.verticalRateFpm).isGreaterThanOrEqualTo(-e190.descentFpm() - 1e-6);
            if (f.altitudeFt < 9000 && !f.descending)
                assertThat(f.trueAirspeedKt).isLessThanOrEqualTo(250.0 + 1e-6);
        }
        assertThat(what).containsExactly(SimListener.APPEARED, SimListener.LANDED);
        assertThat(maxAlt).isGreaterThan(25000); // 240 NM: climbs most of the way before the descent
        assertThat(maxClimb).isGreaterThan(2000);
        assertThat(Sphere.distanceM(f.lat, f.lon, VARNA.lat(), VARNA.lon())).isLessThan(1.5 * Units.NM);
        assertThat(sim.time()).isBetween(30 * 60.0, 75 * 60.0);
    }

    @Test
    void windDriftsTheHeadingButNotTheTrack() {
        AircraftType a320 = AircraftType.of("A320");
        // route due east; wind 60 kt from the north pushes south, so the heading must point left of the track
        Scenario sc = scenario(List.of(airborne("WIND1", a320, 43, 24, 43.3, 33, 35000, List.of())), 0, 60);
        Simulation sim = new Simulation(sc);
        Flight f = sim.flights().get(0);
        for (int i = 0; i < 1200; i++) sim.step();
        double want = Sphere.bearingDeg(f.lat, f.lon, 43.3, 33);
        assertThat(Angles.norm180(f.trackDeg - want)).isCloseTo(0, within(0.5));
        double wca = Angles.norm180(f.headingDeg - f.trackDeg);
        double expected = -Math.toDegrees(Math.asin(60 * Math.cos(Math.toRadians(f.trackDeg - 90)) / f.trueAirspeedKt));
        assertThat(wca).isCloseTo(expected, within(0.3));
        assertThat(wca).isLessThan(-5);
        assertThat(f.groundspeedKt)
                .isCloseTo(
                        Math.sqrt(f.trueAirspeedKt * f.trueAirspeedKt
                                        - 60 * 60 * Math.pow(Math.cos(Math.toRadians(f.trackDeg - 90)), 2))
                                + 60 * Math.sin(Math.toRadians(f.trackDeg - 90)) * 0,
                        within(8.0));
    }

    @Test
    void extrapolationStaysOnTheNextStep() {
        AircraftType a320 = AircraftType.of("A320");
        Simulation sim = new Simulation(
                scenario(List.of(airborne("EXT1", a320, 43, 25, 44, 30, 30000, List.of())), Double.NaN, 0));
        sim.step();
        Flight f = sim.flights().get(0);
        double[] p = new double[3];
        f.extrapolate(Simulation.STEP_SECONDS, p);
        sim.step();
        double dn = Math.toRadians(p[0] - f.lat) * Sphere.EARTH_RADIUS_M;
        double de = Math.toRadians(p[1] - f.lon) * Sphere.EARTH_RADIUS_M * Math.cos(Math.toRadians(f.lat));
        assertThat(Math.hypot(dn, de)).isLessThan(2.0);
    }
}
