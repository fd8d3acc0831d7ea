package org.vigil.core.ident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.vigil.core.ident.IdentFixture.at;
import static org.vigil.core.ident.IdentFixture.primary;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.Callsigns;
import org.vigil.core.airspace.BlackSeaTestAirspace;
import org.vigil.core.airspace.NationalAirspace;
import org.vigil.core.airspace.NatoMembership;
import org.vigil.core.airspace.TimeToEntry;
import org.vigil.core.ident.IdentFixture.Recorder;

/** The airspace rules on the real Black Sea airspace model (Natural Earth land + 12 NM). */
class IdentAirspaceTest {
    static final NationalAirspace AIR = BlackSeaTestAirspace.nationalAirspace();

    private final Recorder rec = new Recorder();

    private IdentificationEngine engine(IdentRules rules) {
        return new IdentificationEngine(
                rules, PlanLookup.NONE, new NationalAirspaceLookup(AIR, NatoMembership.defaults()), rec);
    }

    /** Independent time to entry into Bulgaria (TimeToEntry at its own 500 m step). */
    private static double bulgariaEntrySeconds(double lat, double lon, double trk, double kt, long t) {
        TimeToEntry tte = new TimeToEntry(AIR, NatoMembership.defaults().bind(AIR));
        assertThat(tte.compute(lat, lon, Double.NaN, trk, kt, t, AIR.indexOf("BG"), 3600))
                .isTrue();
        return tte.seconds;
    }

    @Test
    void primaryOnlyFromInternationalWatersTowardsBulgariaAlertsWithTimeToEntry() {
        IdentificationEngine engine = engine(IdentRules.defaults());
        // over international waters east of Cape Emine, westbound at 480 kt
        TrackFacts f = primary(20, 43.0, 29.6, 268, 480, 0);
        assertThat(AIR.isInternational(f.latDeg, f.lonDeg)).isTrue();
        double expected = bulgariaEntrySeconds(43.0, 29.6, 268, 480, at(0));
        TrackIdentity t = null;
        int pending = (int) (IdentRules.defaults().pendingNanos / 1_000_000_000L);
        for (int s = 0; s < pending; s++) {
            f.timeNanos = at(s);
            t = engine.update(f);
        }
        assertThat(t.identity()).isEqualTo(Identity.PENDING);
        assertThat(rec.alertsRaised()).isEmpty();
        // the conditions held through the pending period (persistence counts it): both fire at its end
        f.timeNanos = at(pending);
        t = engine.update(f);
        assertThat(rec.alertsRaised())
                .containsExactly("alert-raised 20 no-transponder P3", "alert-raised 20 military-without-clearance P2");
        assertThat(t.identity()).isEqualTo(Identity.SUSPECT);
        Evidence e = t.evidence(Cause.MILITARY_WITHOUT_CLEARANCE);
        System.out.printf(
                "primary-only towards BG: time to entry at end of pending %.2f s (independent, at 0 s: %.2f s), entry %.4f %.4f%n",
                e.value(0), expected, e.value(1), e.value(2));
        // the track stands still in this script: while the condition waits to fire the look-ahead is
        // repeated every airspace-interval-s (5 s), the last one at the firing sample (15 s), which sees
        // the same entry
        assertThat(e.value(0)).isCloseTo(expected, offset(0.5));
        assertThat(e.detail()).isEqualTo("BG");
        assertThat(e.detail2()).isEqualTo("primary only, no flight plan");
        assertThat(AIR.iso(AIR.stateAt(e.value(1), e.value(2) - 0.003))).isEqualTo("BG");
        Alert a = rec.raised.get(1);
        assertThat(a.value(0)).isCloseTo(expected, offset(0.5));
        assertThat(rec.json.toString())
                .contains(
                        "\"type\":\"alert-raised\"", "\"rule\":\"military-without-clearance\"", "\"secondsToEntry\":");
    }

    @Test
    void headingAwayFromBulgariaIsOnlyANoTransponderTrack() {
        IdentificationEngine engine = engine(IdentRules.defaults());
        TrackFacts f = primary(21, 43.0, 29.6, 88, 480, 0);
        for (int s = 0; s <= 60; s++) {
            f.timeNanos = at(s);
            engine.update(f);
        }
        assertThat(rec.alertsRaised()).containsExactly("alert-raised 21 no-transponder P3");
        assertThat(engine.track(21).identity()).isEqualTo(Identity.UNKNOWN);
    }

    @Test
    void militaryCallsignWithValidClearanceForBulgariaIsNotAlertedWithRomanianOnlyItIs() {
        long t0 = at(0), hour = 3_600_000_000_000L;
        IdentRules bgCleared = IdentRules.defaults()
                .withLists(
                        IdentRules.defaults().known(),
                        List.of(),
                        List.of(new DiplomaticClearance(
                                "BG DC 1",
                                CallsignPattern.of("RFF7001"),
                                -1,
                                -1,
                                List.of("BG"),
                                t0 - hour,
                                t0 + hour)));
        IdentRules roCleared = IdentRules.defaults()
                .withLists(
                        IdentRules.defaults().known(),
                        List.of(),
                        List.of(new DiplomaticClearance(
                                "RO DC 1",
                                CallsignPattern.of("RFF7001"),
                                -1,
                                -1,
                                List.of("RO"),
                                t0 - hour,
                                t0 + hour)));
        for (IdentRules rules : new IdentRules[] {bgCleared, roCleared}) {
            rec.clear();
            IdentificationEngine engine = engine(rules);
            TrackFacts f = primary(22, 43.0, 29.6, 268, 480, 0);
            f.hasSsr = true;
            f.callsign = Callsigns.pack("RFF7001");
            f.icaoAddress = 0x155F01;
            f.squawk = 2000;
            for (int s = 0; s <= 40; s++) {
                f.timeNanos = at(s);
                engine.update(f);
            }
            boolean alerted = rec.alertsRaised().contains("alert-raised 22 military-without-clearance P2");
            assertThat(alerted)
                    .as(rules == bgCleared ? "cleared for BG" : "cleared for RO only")
                    .isEqualTo(rules == roCleared);
        }
    }

    @Test
    void entryIntoRomanianAirspaceFromTheSeaIsAViolationButBeingBornInsideIsNot() {
        IdentificationEngine engine = engine(IdentRules.defaults());
        // civil transponder, no flight plan, 20 NM off Constanta heading west at 300 kt
        TrackFacts f = new TrackFacts();
        f.trackNumber = 23;
        f.latDeg = 44.17;
        f.lonDeg = 29.30;
        f.trackDeg = 270;
        f.groundSpeedKt = 300;
        f.hasSsr = true;
        f.hasPrimary = true;
        f.squawk = 7000;
        f.icaoAddress = 0x0A1234;
        assertThat(AIR.isInternational(f.latDeg, f.lonDeg)).isTrue();
        for (int s = 0; s <= 400; s++) {
            if (s > 0) IdentFixture.fly(f, s - 1, s);
            else f.timeNanos = at(0);
            engine.update(f);
        }
        assertThat(rec.alertsRaised())
                .containsExactly(
                        "alert-raised 23 no-flight-plan P4",
                        "alert-raised 23 approaching-national-airspace P2",
                        "alert-raised 23 inside-national-airspace P1");
        assertThat(engine.track(23).evidence(Cause.INSIDE_NATIONAL_AIRSPACE).detail())
                .isEqualTo("RO");

        rec.clear();
        TrackFacts inland = new TrackFacts();
        inland.copyFrom(f);
        inland.trackNumber = 24;
        inland.latDeg = 44.43;
        inland.lonDeg = 26.10;
        for (int s = 400; s <= 500; s++) {
            IdentFixture.fly(inland, s - 1, s);
            engine.update(inland);
        }
        assertThat(rec.alertsRaised()).containsExactly("alert-raised 24 no-flight-plan P4");
    }
}
