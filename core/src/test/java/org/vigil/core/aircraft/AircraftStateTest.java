package org.vigil.core.aircraft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AircraftStateTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_753_827_785L * S;
    private static final double NM = 1.0 / 60.0;

    private final AircraftTable table = new AircraftTable();
    private final AircraftState a = table.findOrAdd(0x4CA123);

    @Test
    void trailKeepsTheNewest64PointsInOrderAfterWrapping() {
        for (int i = 0; i < 100; i++) {
            assertThat(table.offerPosition(a, 43.0 + i * 0.1 * NM, 27.9, 30000 + i, false, T0 + i * S))
                    .isEqualTo(PositionOutcome.ACCEPTED);
        }
        assertThat(a.trailCapacity()).isEqualTo(64);
        assertThat(a.trailSize()).isEqualTo(64);
        for (int i = 0; i < 64; i++) {
            int k = 36 + i; // oldest kept point is the 37th offered
            assertThat(a.trailTimeNanos(i)).isEqualTo(T0 + k * S);
            assertThat(a.trailLat(i)).isEqualTo(43.0 + k * 0.1 * NM);
            assertThat(a.trailAltitudeFt(i)).isEqualTo(30000 + k);
        }
        assertThat(a.trailLat(63)).isEqualTo(a.lat());
        assertThatThrownBy(() -> a.trailLat(64)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void trailBeforeWrapAndWithoutOwnAltitudeUsesTheHeldBaroAltitude() {
        a.updateBaroAltitude(12000, T0);
        table.offerPosition(a, 43.0, 27.9, AircraftState.ABSENT, false, T0);
        table.offerPosition(a, 43.0 + 0.1 * NM, 27.9, 12100, false, T0 + S);
        assertThat(a.trailSize()).isEqualTo(2);
        assertThat(a.trailAltitudeFt(0)).isEqualTo(12000);
        assertThat(a.trailAltitudeFt(1)).isEqualTo(12100);
        assertThat(a.trailLon(0)).isEqualTo(27.9);
    }

    @Test
    void fieldsGoStaleAfterTheirOwnAges() {
        table.offerPosition(a, 43.0, 27.9, 30000, false, T0);
        a.updateCallsign(0x1234, T0);
        a.updateBaroAltitude(30000, T0 + 50 * S);
        long now = T0 + 61 * S;
        assertThat(a.isFresh(FieldGroup.POSITION, T0 + 60 * S)).isTrue();
        assertThat(a.isFresh(FieldGroup.POSITION, now)).isFalse(); // 60 s
        assertThat(a.isFresh(FieldGroup.CALLSIGN, now)).isTrue(); // 180 s
        assertThat(a.isFresh(FieldGroup.BARO_ALTITUDE, now)).isTrue();
        assertThat(a.isFresh(FieldGroup.CALLSIGN, T0 + 181 * S)).isFalse();
        assertThat(a.isFresh(FieldGroup.SQUAWK, T0)).isFalse(); // never set
        assertThat(a.seenNanos(FieldGroup.SQUAWK)).isEqualTo(AircraftState.NEVER);
        // the value itself is kept (for the operator to see it greyed), only its freshness changes
        assertThat(a.lat()).isEqualTo(43.0);
    }

    @Test
    void staleAgeIsConfigurablePerGroup() {
        AircraftTable t = new AircraftTable(TrackingRules.defaults().withStaleAfterNanos(FieldGroup.SQUAWK, 10 * S));
        AircraftState s = t.findOrAdd(1);
        s.updateSquawk(7700, T0);
        assertThat(s.isFresh(FieldGroup.SQUAWK, T0 + 10 * S)).isTrue();
        assertThat(s.isFresh(FieldGroup.SQUAWK, T0 + 11 * S)).isFalse();
        assertThat(s.isEmergencySquawk()).isTrue();
    }

    @Test
    void olderValueDoesNotOverwriteANewerOne() {
        a.updateSquawk(1000, T0 + 10 * S);
        a.updateSquawk(7700, T0 + 5 * S);
        assertThat(a.squawk()).isEqualTo(1000);
        a.updateSquawk(2000, T0 + 10 * S);
        assertThat(a.squawk()).isEqualTo(2000);
    }

    @Test
    void airDataAndQualityMergePartialMessages() {
        a.updateAirData(250, Double.NaN, Double.NaN, 90, T0);
        a.updateAirData(Double.NaN, 410, 0.78, Double.NaN, T0 + S);
        assertThat(a.indicatedAirspeedKt()).isEqualTo(250);
        assertThat(a.trueAirspeedKt()).isEqualTo(410);
        assertThat(a.mach()).isEqualTo(0.78);
        assertThat(a.headingDeg()).isEqualTo(90);
        a.updateQuality(2, 9, AircraftState.ABSENT, 3, 2, 1, T0);
        a.updateQuality(
                AircraftState.ABSENT,
                AircraftState.ABSENT,
                8,
                AircraftState.ABSENT,
                AircraftState.ABSENT,
                AircraftState.ABSENT,
                T0 + S);
        assertThat(a.adsbVersion()).isEqualTo(2);
        assertThat(a.nacP()).isEqualTo(9);
        assertThat(a.nic()).isEqualTo(8);
        assertThat(a.sil()).isEqualTo(3);
        assertThat(a.gva()).isEqualTo(2);
        assertThat(a.nicBaro()).isEqualTo(1);
    }

    @Test
    void messageCountsAndSignal() {
        a.heard(T0, 17, 200);
        a.heard(T0 + S, 17, -1);
        a.heard(T0 + 2 * S, 4, 100);
        a.heard(T0 + 3 * S, 28, -1);
        a.heard(T0 + S, 99, -1); // out-of-range DF and older time
        assertThat(a.messages()).isEqualTo(5);
        assertThat(a.messages(17)).isEqualTo(2);
        assertThat(a.messages(4)).isEqualTo(1);
        assertThat(a.messages(24)).isEqualTo(1);
        assertThat(a.messages(31)).isEqualTo(1);
        assertThat(a.firstSeenNanos()).isEqualTo(T0);
        assertThat(a.lastSeenNanos()).isEqualTo(T0 + 3 * S);
        assertThat(a.signalLevel()).isEqualTo(100);
        assertThat(a.signalAverage()).isEqualTo(200 + (100 - 200) / 8.0);
    }
}
