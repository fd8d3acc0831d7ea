package org.vigil.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.track.ScriptedWorld.NM;
import static org.vigil.core.track.ScriptedWorld.S;
import static org.vigil.core.track.ScriptedWorld.T0;
import static org.vigil.core.track.ScriptedWorld.straight;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Scripted geometries: identity must be kept (no swap, no break), fusion must give one track. */
class TrackerScenarioTest {

    private static ScriptedWorld oneRadar(long seed, boolean modeS) {
        ScriptedWorld w = new ScriptedWorld(seed);
        w.radar(0x1901, 0, 0, 5, 50, 0.08, modeS);
        return w;
    }

    private static IdentityProbe fly(ScriptedWorld w, double duration, EventLog log) {
        Tracker tracker = w.tracker(log);
        IdentityProbe probe = new IdentityProbe(tracker, w.targets, 1500);
        ScriptedWorld.run(tracker, w.generate(duration), 5, probe);
        return probe;
    }

    private static void assertOneTrackEach(IdentityProbe p) {
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < p.targets.size(); i++) {
            assertThat(p.numbers.get(i))
                    .as("tracks following %s", p.targets.get(i).name)
                    .hasSize(1);
            assertThat(p.gaps[i])
                    .as("probes without a track on %s", p.targets.get(i).name)
                    .isZero();
            first.add(p.numbers.get(i).iterator().next());
        }
        assertThat(first).as("distinct tracks per target").doesNotHaveDuplicates();
    }

    @Test
    void crossingPrimaryOnlyFlightsKeepTheirTracks() {
        ScriptedWorld w = oneRadar(1, false);
        // two primary-only aircraft crossing at right angles over the same point at the same time
        ScriptedWorld.Target a = w.target("eastbound", straight(40_000, 80_000, 90, 230));
        ScriptedWorld.Target b = w.target("northbound", straight(80_000, 40_000, 0, 230));
        // crossing at (80 km, 80 km) after 174 s
        a.transponder = false;
        b.transponder = false;
        EventLog log = new EventLog();
        IdentityProbe p = fly(w, 360, log);
        assertOneTrackEach(p);
    }

    @Test
    void crossingSecondaryFlightsAtTheSameLevelKeepTheirTracks() {
        ScriptedWorld w = oneRadar(2, false);
        ScriptedWorld.Target a = w.target("A", straight(40_000, 70_000, 60, 240));
        ScriptedWorld.Target b = w.target("B", straight(40_000, 120_000, 120, 240));
        a.mode3A = 01234;
        b.mode3A = 04321;
        IdentityProbe p = fly(w, 400, new EventLog());
        assertOneTrackEach(p);
    }

    @Test
    void parallelFlightsOneMileApartStaySeparate() {
        ScriptedWorld w = oneRadar(3, false);
        ScriptedWorld.Target a = w.target("left", straight(60_000, 20_000, 0, 220));
        ScriptedWorld.Target b = w.target("right", straight(60_000 + NM, 20_000, 0, 220));
        a.transponder = false;
        b.transponder = false;
        IdentityProbe p = fly(w, 400, new EventLog());
        assertOneTrackEach(p);
        assertThat(p.rmsError(0)).isLessThan(300);
        assertThat(p.rmsError(1)).isLessThan(300);
    }

    @Test
    void fighterJoiningUpInFormationDoesNotSwap() {
        ScriptedWorld w = oneRadar(4, false);
        // target northbound at 200 m/s; a primary-only fighter 20 km behind, 0.5 NM to the east,
        // closing at 280 m/s, then slowing to formation speed alongside (within 1 NM).
        ScriptedWorld.Target target = w.target("target", straight(70_000, 40_000, 0, 200));
        target.mode3A = 07001;
        // closes 20 km at 80 m/s overtake, then decelerates at 5 m/s² (16 s) to formation speed
        double brake = 16;
        double join = (20_000 - 40 * brake) / 80.0;
        ScriptedWorld.Path fighterPath = new ScriptedWorld.Path() {
            @Override
            public double x(double t) {
                return 70_000 + 0.5 * NM;
            }

            @Override
            public double y(double t) {
                if (t < join) return 20_000 + 280 * t;
                double tb = Math.min(t - join, brake);
                double yb = 20_000 + 280 * join + 280 * tb - 2.5 * tb * tb;
                return yb + 200 * Math.max(0, t - join - brake);
            }
        };
        ScriptedWorld.Target fighter = w.target("fighter", fighterPath);
        fighter.transponder = false;
        IdentityProbe p = fly(w, join + 300, new EventLog());
        assertOneTrackEach(p);
    }

    @Test
    void primaryOnlyTargetIsTrackedWithoutBreakAndConfirmedWithinThreeScans() {
        ScriptedWorld w = oneRadar(5, false);
        ScriptedWorld.Target t = w.target("skin", straight(-50_000, -80_000, 45, 180));
        t.transponder = false;
        EventLog log = new EventLog();
        Tracker tracker = w.tracker(log);
        IdentityProbe p = new IdentityProbe(tracker, w.targets, 1500);
        // 10 % of plots missing (probability of detection 0.9)
        Random drop = new Random(55);
        List<Detection> dets = w.generate(600);
        dets.removeIf(d -> drop.nextDouble() < 0.1);
        long first = dets.get(0).timeNanos;
        ScriptedWorld.run(tracker, dets, 5, p);
        assertOneTrackEach(p);
        long confirmed = log.lines.stream()
                .filter(l -> l.contains(" confirmed "))
                .mapToLong(l -> Long.parseLong(l.split(" ")[0]))
                .min()
                .orElseThrow();
        assertThat((confirmed - first) / 1e9).as("seconds to confirmation").isLessThanOrEqualTo(3 * 5);
        assertThat(log.count("confirmed")).isEqualTo(1);
        SystemTrack track = ScriptedWorld.nearest(tracker, t, 1500);
        assertThat(track.primaryOnly()).isTrue();
        assertThat(track.altitude()).isNaN();
        assertThat(p.rmsError(0)).isLessThan(400);
    }

    @Test
    void adsbAndSecondaryRadarFuseIntoOneTrack() {
        for (boolean modeS : new boolean[] {true, false}) {
            ScriptedWorld w = oneRadar(6, modeS);
            ScriptedWorld.Target t = w.target("airliner", straight(30_000, 60_000, 100, 230));
            t.icao = 0x3C6544;
            t.mode3A = 01000;
            t.adsb = true;
            EventLog log = new EventLog();
            Tracker tracker = w.tracker(log);
            IdentityProbe p = new IdentityProbe(tracker, w.targets, 1000);
            ScriptedWorld.run(tracker, w.generate(300), 5, p);
            assertOneTrackEach(p);
            assertThat(log.count("confirmed"))
                    .as("confirmed tracks, modeS=" + modeS)
                    .isEqualTo(1);
            SystemTrack track = tracker.trackByIcao(0x3C6544);
            assertThat(track).isNotNull();
            int radarBit = tracker.sensorIndex(0x1901);
            int adsbBit = tracker.sensorIndex(9000);
            assertThat(track.sensorsNow()).isEqualTo((1L << radarBit) | (1L << adsbBit));
            assertThat(track.mode3A()).isEqualTo(01000);
            assertThat(track.callsign()).isNotZero();
            assertThat(track.altitude()).isCloseTo(9000, org.assertj.core.data.Offset.offset(30.0));
            assertThat(track.disagreement()).isFalse();
            assertThat(p.rmsError(0)).isLessThan(100);
        }
    }

    @Test
    void adsbOffsetByTwentyMilesRaisesTheDisagreementFlagAndHonestAdsbDoesNot() {
        ScriptedWorld w = oneRadar(7, true);
        ScriptedWorld.Target liar = w.target("spoofed", straight(30_000, 60_000, 100, 230));
        liar.icao = 0x4B1234;
        liar.mode3A = 02000;
        liar.adsb = true;
        liar.adsbOffsetX = 20 * NM;
        ScriptedWorld.Target honest = w.target("honest", straight(-30_000, 60_000, 200, 230));
        honest.icao = 0x4B5678;
        honest.mode3A = 02001;
        honest.adsb = true;
        EventLog log = new EventLog();
        Tracker tracker = w.tracker(log);
        ScriptedWorld.run(tracker, w.generate(400), 5, null);
        SystemTrack spoofed = tracker.trackByIcao(0x4B1234);
        SystemTrack ok = tracker.trackByIcao(0x4B5678);
        assertThat(spoofed.disagreement()).isTrue();
        assertThat(spoofed.lastDisagreementMetres() / NM)
                .as("the evidence's offset is the measured one (20 NM), not the rule's threshold")
                .isCloseTo(20, org.assertj.core.data.Offset.offset(0.5));
        assertThat(ScriptedWorld.error(liar, spoofed))
                .as("the track stays on the radar truth")
                .isLessThan(500);
        assertThat(ok.disagreement()).isFalse();
        assertThat(log.lines)
                .filteredOn(l -> l.contains("disagreement-raised"))
                .hasSize(1)
                .allMatch(l -> l.contains("#" + spoofed.trackNumber() + " "));
        assertThat(tracker.rejected(Rejection.DISAGREEING_REPORT)).isGreaterThan(100);
    }

    @Test
    void mOfNConfirmationNeedsTwoPlotsWithinThreeScans() {
        ScriptedWorld w = oneRadar(8, false);
        EventLog log = new EventLog();
        Tracker tracker = w.tracker(log);
        // secondary plots (2 of 3): target A at scans 0 and 1 -> confirmed at the second plot
        // target B: plots at scans 0 and 4 (three scans missed) -> never confirmed, deleted
        tracker.accept(secondary(plot(0, 60_000, Math.toRadians(10)), 01234));
        tracker.accept(secondary(plot(0.1, 80_000, Math.toRadians(200)), 04321));
        tracker.accept(secondary(plot(5.0, 60_300, Math.toRadians(10.05)), 01234));
        tracker.accept(secondary(plot(20.1, 80_500, Math.toRadians(200.1)), 04321));
        for (int t = 21; t <= 40; t++) tracker.advance(T0 + t * S);
        assertThat(log.count("initiated")).isEqualTo(3); // B's second plot starts a new tentative track
        assertThat(log.count("confirmed")).isEqualTo(1);
        assertThat(log.lines.stream()
                        .filter(l -> l.contains(" confirmed "))
                        .findFirst()
                        .orElseThrow())
                .startsWith((T0 + 5 * S) + " ");
        // both tentatives of B, and A after coasting 5 scans (25 s) past its last plot at 5 s
        assertThat(log.count("deleted")).isEqualTo(3);
        assertThat(log.lines.stream()
                        .filter(l -> l.contains(" deleted ") && l.contains("#1 "))
                        .findFirst()
                        .orElseThrow())
                .startsWith((T0 + 31 * S) + " ");
    }

    private static Detection secondary(Detection d, int mode3A) {
        d.plotType = Detection.PLOT_COMBINED;
        d.mode3A = mode3A;
        return d;
    }

    @Test
    void primaryOnlyTracksNeedThreePlotsWithinFourScans() {
        ScriptedWorld w = oneRadar(8, false);
        EventLog log = new EventLog();
        Tracker tracker = w.tracker(log);
        // A: primary plots at scans 0, 1, 3 -> confirmed at the third plot (scan 3, within 3 scans of the first)
        // B: primary plots at scans 0 and 1 only -> two hits are not enough for a primary-only track
        tracker.accept(plot(0, 60_000, Math.toRadians(10)));
        tracker.accept(plot(0.1, 80_000, Math.toRadians(200)));
        tracker.accept(plot(5.0, 60_300, Math.toRadians(10.05)));
        tracker.accept(plot(5.1, 80_300, Math.toRadians(200.05)));
        tracker.accept(plot(15.0, 60_900, Math.toRadians(10.15)));
        for (int t = 16; t <= 60; t++) tracker.advance(T0 + t * S);
        assertThat(log.count("initiated")).isEqualTo(2);
        assertThat(log.count("confirmed")).isEqualTo(1);
        assertThat(log.lines.stream()
                        .filter(l -> l.contains(" confirmed "))
                        .findFirst()
                        .orElseThrow())
                .startsWith((T0 + 15 * S) + " ");
    }

    private static Detection plot(double t, double range, double az) {
        Detection d = new Detection();
        d.kind = SensorKind.RADAR;
        d.sensorId = 0x1901;
        d.timeNanos = T0 + (long) (t * S);
        d.rangeMetres = range;
        d.azimuthRad = az;
        d.plotType = Detection.PLOT_PRIMARY;
        return d;
    }

    @Test
    void tracksAreDeletedAfterCoastingLimits() {
        ScriptedWorld w = oneRadar(9, false);
        ScriptedWorld.Target radarOnly = w.target("radar-only", straight(50_000, 50_000, 0, 200));
        radarOnly.transponder = false;
        radarOnly.end = 100;
        ScriptedWorld.Target adsbOnly =
                w.target("adsb-only", straight(-250_000, 250_000, 0, 200)); // outside radar cover
        adsbOnly.adsb = true;
        adsbOnly.icao = 0x123456;
        adsbOnly.end = 60;
        EventLog log = new EventLog();
        Tracker tracker = w.tracker(log);
        List<Detection> dets = w.generate(200);
        ScriptedWorld.run(tracker, dets, 5, null);
        for (int t = 100; t <= 200; t++) tracker.advance(T0 + t * S); // a quiet feed: time still passes
        List<String> deleted =
                log.lines.stream().filter(l -> l.contains(" deleted ")).toList();
        assertThat(deleted).hasSize(2);
        long lastRadar = dets.stream()
                .filter(d -> d.kind == SensorKind.RADAR)
                .mapToLong(d -> d.timeNanos)
                .max()
                .orElseThrow();
        long lastAdsb = dets.stream()
                .filter(d -> d.kind == SensorKind.ADSB)
                .mapToLong(d -> d.timeNanos)
                .max()
                .orElseThrow();
        long adsbDeleted = Long.parseLong(deleted.stream()
                .filter(l -> l.contains("icao=" + 0x123456))
                .findFirst()
                .orElseThrow()
                .split(" ")[0]);
        long radarDeleted = Long.parseLong(deleted.stream()
                .filter(l -> !l.contains("icao=" + 0x123456))
                .findFirst()
                .orElseThrow()
                .split(" ")[0]);
        // 5 scans of 5 s after the last plot; 20 s after the last report; sweeps run every second
        assertThat((radarDeleted - lastRadar) / 1e9).isBetween(25.0, 27.0);
        // sweeps run on detection time: with only a 5 s radar left, up to one scan late
        assertThat((adsbDeleted - lastAdsb) / 1e9).isBetween(20.0, 26.0);
    }

    @Test
    void registrationBiasIsRemovedBeforeUpdate() {
        double[] errors = new double[2];
        for (int corrected = 0; corrected < 2; corrected++) {
            ScriptedWorld w = new ScriptedWorld(10);
            ScriptedWorld.Radar r = w.radar(0x1902, 0, 0, 5, 30, 0.05, false);
            ScriptedWorld.Target t = w.target("T", straight(40_000, 50_000, 90, 200));
            t.mode3A = 01111;
            List<Detection> dets = w.generate(300);
            for (Detection d : dets) {
                d.rangeMetres += 600; // the radar measures 600 m long
                d.azimuthRad += Math.toRadians(0.3);
            }
            w.radars.clear();
            w.radars.add(
                    corrected == 1
                            ? new ScriptedWorld.Radar(
                                    r.config().withRegistration(600, Math.toRadians(0.3), 0), 0, false)
                            : r);
            Tracker tracker = w.tracker(new EventLog());
            IdentityProbe p = new IdentityProbe(tracker, w.targets, 3000);
            ScriptedWorld.run(tracker, dets, 5, p);
            errors[corrected] = p.rmsError(0);
        }
        assertThat(errors[1]).isLessThan(150);
        assertThat(errors[0]).isGreaterThan(400);
    }

    @Test
    void plotsOutOfOrderWithinTheWindowGiveTheSameEventsAndLatePlotsAreRefused() {
        ScriptedWorld w = new ScriptedWorld(11);
        w.radar(0x1901, 0, 0, 5, 50, 0.08, false);
        w.radar(0x1902, 60_000, 0, 4, 50, 0.08, false);
        ScriptedWorld.Target a = w.target("A", straight(30_000, 40_000, 80, 220));
        a.mode3A = 01234;
        ScriptedWorld.Target b = w.target("B", straight(20_000, -30_000, 300, 220));
        b.transponder = false;
        List<Detection> sorted = w.generate(200);
        EventLog inOrder = new EventLog();
        ScriptedWorld.run(w.tracker(inOrder), sorted, 5, null);
        // shuffle: swap neighbours closer than 1 s (the window is 2 s)
        List<Detection> shuffled = new ArrayList<>(sorted);
        Random rnd = new Random(3);
        for (int i = 0; i + 1 < shuffled.size(); i++) {
            if (shuffled.get(i + 1).timeNanos - shuffled.get(i).timeNanos < S && rnd.nextBoolean()) {
                Detection tmp = shuffled.get(i);
                shuffled.set(i, shuffled.get(i + 1));
                shuffled.set(i + 1, tmp);
                i++;
            }
        }
        assertThat(shuffled).isNotEqualTo(sorted);
        EventLog outOfOrder = new EventLog();
        Tracker tracker = w.tracker(outOfOrder);
        ScriptedWorld.run(tracker, shuffled, 5, null);
        assertThat(outOfOrder.lines).isEqualTo(inOrder.lines);
        Detection late = new Detection().copyFrom(sorted.get(0));
        assertThat(tracker.accept(late)).isFalse();
        assertThat(tracker.rejected(Rejection.LATE)).isEqualTo(1);
    }

    @Test
    void sameInputGivesIdenticalEvents() {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            ScriptedWorld w = new ScriptedWorld(12);
            w.radar(0x1901, 0, 0, 5, 50, 0.08, true);
            w.radar(0x1902, 80_000, 20_000, 10, 80, 0.1, false);
            Random rnd = new Random(99);
            for (int i = 0; i < 30; i++) {
                ScriptedWorld.Target t = w.target(
                        "T" + i,
                        straight(
                                rnd.nextDouble() * 120_000 - 20_000,
                                rnd.nextDouble() * 120_000 - 60_000,
                                rnd.nextDouble() * 360,
                                120 + rnd.nextDouble() * 150));
                t.transponder = rnd.nextDouble() < 0.8;
                t.mode3A = 01000 + i;
                t.icao = 0x400000 + i;
                t.adsb = rnd.nextDouble() < 0.5;
                t.start = rnd.nextDouble() * 100;
                t.end = t.start + 100 + rnd.nextDouble() * 200;
            }
            EventLog log = new EventLog();
            ScriptedWorld.run(w.tracker(log), w.generate(400), 5, null);
            runs.add(log.lines);
        }
        assertThat(runs.get(0)).hasSizeGreaterThan(100);
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }
}
