package org.vigil.core.ident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.ident.IdentFixture.at;
import static org.vigil.core.ident.IdentFixture.fly;
import static org.vigil.core.ident.IdentFixture.primary;

import org.junit.jupiter.api.Test;
import org.vigil.core.ident.IdentFixture.FakeAirspace;
import org.vigil.core.ident.IdentFixture.FakePlans;
import org.vigil.core.ident.IdentFixture.Recorder;

/**
 * Issue #14 item 3: a rule fires on a sustained condition, never on one sample. The case from the
 * issue: a flight 13 NM off and parallel to the border (the fake one at 28 E) on 186 degrees at 226 kt
 * gets one corrupted velocity, 214 degrees at 309 kt, which points it into the airspace within the
 * clearance rule's 900 s look-ahead.
 */
class AlertPersistenceTest {
    private static final double LAT = 43.2;
    private static final double TRUE_TRACK = 186, TRUE_KT = 226, BAD_TRACK = 214, BAD_KT = 309;

    private Recorder rec;
    private FakeAirspace air;
    private IdentificationEngine engine;

    private TrackFacts offshore() {
        rec = new Recorder();
        air = new FakeAirspace();
        engine = new IdentificationEngine(IdentRules.defaults(), new FakePlans(), air, rec);
        // primary only, no plan: presumed military for the clearance rule
        return primary(30, LAT, 28.0 + 13.0 / 60 / Math.cos(Math.toRadians(LAT)), TRUE_TRACK, TRUE_KT, 0);
    }

    /** Flies {@code f} from {@code from} to {@code to} s, one update every {@code step} s, on its true vector except at {@code badAt} s for {@code badFor} s. */
    private void run(TrackFacts f, int from, int to, int step, int badAt, int badFor) {
        for (int s = from; s <= to; s += step) {
            if (s > from) {
                f.trackDeg = TRUE_TRACK;
                f.groundSpeedKt = TRUE_KT;
                fly(f, s - step, s);
            } else f.timeNanos = at(s);
            boolean bad = s >= badAt && s < badAt + badFor;
            f.trackDeg = bad ? BAD_TRACK : TRUE_TRACK;
            f.groundSpeedKt = bad ? BAD_KT : TRUE_KT;
            int calls = air.calls;
            engine.update(f);
            if (s == badAt)
                assertThat(air.calls).as("the bad sample is looked ahead").isGreaterThan(calls);
        }
    }

    private boolean airspaceRuleFired() {
        return rec.events.stream()
                .anyMatch(e -> e.contains("military-without-clearance")
                        || e.contains("approaching-national-airspace")
                        || e.contains("inside-national-airspace"));
    }

    @Test
    void oneCorruptedVelocityOnAFlightParallelToTheLineRaisesNoAirspaceAlert() {
        for (int step : new int[] {1, 4, 10}) {
            TrackFacts f = offshore();
            run(f, 0, 600, step, 120, 1);
            assertThat(airspaceRuleFired()).as("update every %d s", step).isFalse();
            assertThat(rec.alertsRaised())
                    .as("update every %d s", step)
                    .containsExactly("alert-raised 30 no-transponder P3");
        }
    }

    @Test
    void theSameVelocitySustainedIsATurnTowardsTheLineAndFires() {
        // the test above can fail: the corrupted vector held for 20 s raises the alert, with the measured time to entry
        TrackFacts f = offshore();
        run(f, 0, 200, 1, 120, 20);
        assertThat(rec.alertsRaised()).contains("alert-raised 30 military-without-clearance P2");
        Alert a = rec.raised.stream()
                .filter(x -> x.cause == Cause.MILITARY_WITHOUT_CLEARANCE)
                .findFirst()
                .orElseThrow();
        assertThat(a.raisedNanos).isEqualTo(at(130));
        double nm = 13.0;
        double westKt = BAD_KT * Math.sin(Math.toRadians(BAD_TRACK - 180));
        assertThat(a.value(0)).as("seconds to entry").isBetween(nm / westKt * 3600 - 40, nm / westKt * 3600);
    }
}
