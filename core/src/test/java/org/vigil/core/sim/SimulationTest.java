package org.vigil.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;

/** Events apply at their time, commands steer fighters, background traffic is deterministic. */
class SimulationTest {
    static final Airport SOFIA = new Airport("LBSF", "Sofia", 42.6967, 23.4114, 1742);
    static final Airport VARNA = new Airport("LBWN", "Varna", 43.2321, 27.8251, 230);
    static final Airport OTOPENI = new Airport("LROP", "Otopeni", 44.5711, 26.0850, 314);

    @Test
    void eventsApplyAtTheirTimeAndAreReported() {
        AircraftType a320 = AircraftType.of("A320");
        FlightSpec spec = KinematicsTest.airborne(
                "EVT1",
                a320,
                43,
                25,
                43,
                30,
                35000,
                List.of(
                        FlightEvent.of(10, EventKind.RADIO_LOST), FlightEvent.of(20, EventKind.SQUAWK, 7600),
                        FlightEvent.of(30, EventKind.TRANSPONDER_OFF),
                                new FlightEvent(40, EventKind.ADSB_SPOOF, 20, 90, null),
                        FlightEvent.of(50, EventKind.LEVEL, 20000), FlightEvent.of(50, EventKind.SPEED, 300)));
        Simulation sim = new Simulation(KinematicsTest.scenario(List.of(spec), Double.NaN, 0));
        List<String> seen = new ArrayList<>();
        List<Double> at = new ArrayList<>();
        sim.setListener((f, t, w, e) -> {
            seen.add(w);
            at.add(t);
        });
        Flight f = sim.flights().get(0);
        while (sim.time() < 10) sim.step();
        assertThat(f.radioLost).isFalse();
        sim.step();
        assertThat(f.radioLost).isTrue();
        while (sim.time() < 900) sim.step(); // 15,000 ft at 2,200 ft/min takes 7 min
        assertThat(f.squawk).isEqualTo(7600);
        assertThat(f.transponderOn).isFalse();
        assertThat(f.spoofing).isTrue();
        assertThat(f.spoofOffsetNm).isEqualTo(20);
        assertThat(f.altitudeFt).isCloseTo(20000, within(1.0));
        assertThat(f.trueAirspeedKt).isCloseTo(300, within(0.1));
        assertThat(seen)
                .containsExactly("appeared", "radio-lost", "squawk", "transponder-off", "adsb-spoof", "level", "speed");
        assertThat(at.subList(1, at.size())).containsExactly(10.0, 20.0, 30.0, 40.0, 50.0, 50.0);
    }

    @Test
    void commandedFighterJoinsItsTarget() {
        AircraftType f35 = AircraftType.of("F35");
        AircraftType il20 = AircraftType.of("IL20");
        FlightSpec target = KinematicsTest.airborne("TGT", il20, 43.4, 30.5, 43.0, 27.0, 24000, List.of());
        Scenario sc = KinematicsTest.scenario(List.of(target), Double.NaN, 0);
        Simulation sim = new Simulation(sc);
        sim.step();
        Flight fighter = sim.launch(new FlightSpec(
                "NLF01",
                0x480F01,
                f35,
                1000,
                true,
                false,
                false,
                null,
                null,
                List.of(new double[] {42.29, 24.71}, new double[] {42.5, 25.5}),
                0,
                1000,
                30000,
                520,
                'I',
                List.of()));
        sim.step();
        sim.command(fighter, 90, 30000, 600);
        for (int i = 0; i < 120; i++) sim.step();
        assertThat(fighter.headingDeg).isCloseTo(90, within(1.0));
        sim.join(fighter, sim.flights().get(0));
        Flight t = sim.flights().get(0);
        double d = Double.MAX_VALUE;
        for (int i = 0; i < 3600 && !t.finished; i++) {
            sim.step();
            d = Sphere.distanceM(fighter.lat, fighter.lon, t.lat, t.lon) / Units.NM;
            if (d < 1 && Math.abs(fighter.altitudeFt - t.altitudeFt) < 600) break;
        }
        assertThat(d).isLessThan(1.0);
    }

    @Test
    void generalAviationIsAddedWithoutChangingTheAirlineTraffic() {
        Airport burgas = new Airport("LBBG", "Burgas", 42.5696, 27.5152, 135);
        List<Airport> aps = List.of(SOFIA, VARNA, OTOPENI, burgas);
        BackgroundSpec airlines = new BackgroundSpec(120, 0, aps, List.of(AircraftType.of("A320")), 0.9);
        BackgroundSpec withGa = new BackgroundSpec(120, 0, aps, List.of(AircraftType.of("A320")), 0.9, 60, 0.5);
        List<FlightSpec> a = BackgroundTraffic.generate(scenario(airlines), 0);
        List<FlightSpec> g = BackgroundTraffic.generate(scenario(withGa), 0);
        List<FlightSpec> ga = g.stream().filter(f -> f.rules() == 'V').toList();
        assertThat(g.subList(0, a.size()))
                .extracting(FlightSpec::callsign)
                .containsExactlyElementsOf(a.stream().map(FlightSpec::callsign).toList());
        assertThat(ga).hasSizeBetween(40, 80); // Poisson, 60 an hour
        assertThat(ga).allMatch(f -> f.type().designator().equals("C172") && f.filesPlan() && f.transponder());
        assertThat(ga).allMatch(f -> f.cruiseFt() >= 2500 && f.cruiseFt() <= 6500);
        long adsb = ga.stream().filter(FlightSpec::adsb).count();
        assertThat(adsb).isBetween(ga.size() / 4L, ga.size() * 3L / 4); // about half ADS-B, half Mode A/C only
        assertThat(g.stream().map(FlightSpec::icao).distinct().count()).isEqualTo(g.size());
    }

    private static Scenario scenario(BackgroundSpec b) {
        return new Scenario(
                "bg",
                1_650_445_200L,
                3600,
                42,
                38,
                48,
                20,
                36,
                Double.NaN,
                0,
                1,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                b);
    }

    @Test
    void backgroundTrafficIsDeterministicAndUnique() {
        BackgroundSpec b =
                new BackgroundSpec(120, 50, List.of(SOFIA, VARNA, OTOPENI), List.of(AircraftType.of("A320")), 0.9);
        Scenario sc = scenario(b);
        List<FlightSpec> one = BackgroundTraffic.generate(sc, 0), two = BackgroundTraffic.generate(sc, 0);
        assertThat(one).hasSizeGreaterThan(120);
        assertThat(one.stream().map(FlightSpec::callsign).distinct().count()).isEqualTo(one.size());
        assertThat(one.stream().map(FlightSpec::icao).distinct().count()).isEqualTo(one.size());
        for (int i = 0; i < one.size(); i++) {
            assertThat(two.get(i).callsign()).isEqualTo(one.get(i).callsign());
            assertThat(two.get(i).route().get(0)).isEqualTo(one.get(i).route().get(0));
            assertThat(two.get(i).startSeconds()).isEqualTo(one.get(i).startSeconds());
        }
        assertThat(one).allMatch(f -> !List.of(7500, 7600, 7700, 1200, 2000).contains(f.squawk()));
        assertThat(one.stream().filter(f -> !Double.isNaN(f.startAltitudeFt())).count())
                .isEqualTo(50);
    }

    @Test
    void packedCallsignMatchesTheModeSCharacterSet() {
        // A=1 .. Z=26, space=32, 0..9 = 48..57, first character in the top six bits
        assertThat(Flight.pack("AB1"))
                .isEqualTo(((((((1L << 6 | 2) << 6 | 49) << 6 | 32) << 6 | 32) << 6 | 32) << 6 | 32) << 6 | 32);
        assertThat(Flight.pack("")).isZero();
    }
}
