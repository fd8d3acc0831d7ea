package org.vigil.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.core.track.ScriptedWorld.S;
import static org.vigil.core.track.ScriptedWorld.T0;

import org.junit.jupiter.api.Test;

/** The tracker's own parts on their own: sensor registry, track pool, address sharing, the enums. */
class TrackerPartsTest {
    private final AreaProjection projection = new AreaProjection(51, 6);

    @Test
    void sensorRegistryGivesDenseIndicesByIdAndKeepsRadarGeometry() {
        SensorRegistry r = new SensorRegistry(projection);
        assertThat(r.indexOf(0x0101)).isEqualTo(-1);
        int radar = r.add(SensorConfig.radar(0x0101, "R", 51.5, 6.5, 100, 5, 50, 0.001));
        int adsb = r.add(SensorConfig.reports(9, SensorKind.ADSB, "feed"));
        assertThat(radar).isZero();
        assertThat(adsb).isEqualTo(1);
        assertThat(r.indexOf(9)).isEqualTo(1);
        projection.forward(51.5, 6.5);
        assertThat(r.x(radar)).isEqualTo(projection.x);
        assertThat(r.y(radar)).isEqualTo(projection.y);
        assertThat(r.convergence(radar)).isEqualTo(projection.convergenceRad(51.5, 6.5));
        double y0 = r.y(radar);
        // re-registering the same id replaces the configuration, keeps the index
        int again = r.add(SensorConfig.radar(0x0101, "R moved", 51.6, 6.5, 100, 5, 50, 0.001));
        assertThat(again).isZero();
        assertThat(r.get(0).name()).isEqualTo("R moved");
        assertThat(r.y(0)).isGreaterThan(y0 + 10_000);
        assertThat(r.count()).isEqualTo(2);
        for (int i = r.count(); i < SystemTrack.MAX_SENSORS; i++)
            r.add(SensorConfig.reports(1000 + i, SensorKind.MLAT, "m" + i));
        assertThat(r.full()).isTrue();
        assertThatThrownBy(() -> r.add(SensorConfig.reports(5000, SensorKind.MLAT, "one too many")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void trackPoolReusesTheLastFreedSlotFirstAndFindsTracksNearby() {
        TrackPool pool = new TrackPool(projection, 2, 20_000);
        SystemTrack a = pool.allocate();
        SystemTrack b = pool.allocate();
        SystemTrack c = pool.allocate();
        assertThat(new int[] {a.slot, b.slot, c.slot}).containsExactly(0, 1, 2);
        assertThat(pool.live()).isEqualTo(3);
        pool.place(a, 1_000, 1_000);
        pool.place(b, 5_000, -3_000);
        pool.place(c, 500_000, 500_000);
        int n = pool.gatherNear(0, 0);
        int[] found = new int[n];
        for (int i = 0; i < n; i++) found[i] = pool.near(i);
        assertThat(found).contains(0, 1).doesNotContain(2);
        pool.release(a);
        pool.release(c);
        assertThat(pool.live()).isEqualTo(1);
        assertThat(pool.get(0).status()).isEqualTo(TrackStatus.FREE);
        // released tracks leave the grid
        n = pool.gatherNear(0, 0);
        for (int i = 0; i < n; i++) assertThat(pool.near(i)).isNotEqualTo(0);
        assertThat(pool.allocate().slot).isEqualTo(2); // last freed first: deterministic
        assertThat(pool.allocate().slot).isEqualTo(0);
        assertThat(pool.allocate().slot).isEqualTo(3);
        assertThat(pool.slotCount()).isEqualTo(4);
    }

    private static Detection report(int icao, long time, double x, double y) {
        Detection d = new Detection();
        d.kind = SensorKind.ADSB;
        d.icao = icao;
        d.timeNanos = time;
        d.x = x;
        d.y = y;
        return d;
    }

    @Test
    void addressSharingJoinsByAddressAndFindsTwoAircraftOnOneAddress() {
        TrackPool pool = new TrackPool(projection, 1, 20_000);
        AddressSharing a = new AddressSharing();
        SystemTrack t = pool.allocate();
        t.kin.initialise(1, T0, 0, 0, 100, 0, 100, 0, 0, 100, 1e-4, null);
        Detection first = report(0x4840D6, T0, 0, 0);
        assertThat(a.join(first, pool, 1)).as("no track holds the address yet").isEqualTo(-1);
        assertThat(a.noteIdentity(t, first)).isTrue();
        assertThat(a.slotOf(0x4840D6)).isEqualTo(t.slot);
        assertThat(a.noteIdentity(t, first)).as("nothing new").isFalse();
        // the address's stream: joins directly while it moves plausibly
        assertThat(a.join(report(0x4840D6, T0 + S, 200, 0), pool, 2)).isEqualTo(t.slot);
        t.batchStamp = 2;
        assertThat(a.join(report(0x4840D6, T0 + S, 210, 0), pool, 2))
                .as("a second plot in the same batch")
                .isEqualTo(AddressSharing.REDUNDANT);
        // a jump away (another transmitter of the address) ...
        assertThat(a.join(report(0x4840D6, T0 + 2 * S, 300_000, 0), pool, 3)).isEqualTo(t.slot);
        // ... and back to where it jumped from: two interleaved streams, the address is shared
        assertThat(a.join(report(0x4840D6, T0 + 3 * S, 600, 0), pool, 4)).isEqualTo(-1);
        assertThat(t.sharedAddress()).isTrue();
        assertThat(a.conflicts()).isEqualTo(1);
        Detection other = report(0x3C6586, T0, 0, 0);
        assertThat(AddressSharing.differentAircraft(t, other)).isTrue();
        other.icao = Detection.ABSENT;
        assertThat(AddressSharing.differentAircraft(t, other)).isFalse();
        a.release(t);
        assertThat(a.slotOf(0x4840D6)).isEqualTo(-1);
    }

    @Test
    void aRepeatedSquawkNearATrackUpdatedInTheBatchIsRedundant() {
        TrackPool pool = new TrackPool(projection, 1, 20_000);
        AddressSharing a = new AddressSharing();
        SystemTrack t = pool.allocate();
        t.kin.initialise(1, T0, 10_000, 10_000, 100, 0, 100, 0, 0, 100, 1e-4, null);
        t.mode3A = 01234;
        t.batchStamp = 7;
        pool.place(t, 10_000, 10_000);
        Detection plot = new Detection();
        plot.kind = SensorKind.RADAR;
        plot.mode3A = 01234;
        plot.x = 10_000 + AddressSharing.REDUNDANT_METRES / 2;
        plot.y = 10_000;
        assertThat(a.redundantSquawk(plot, pool, 7)).isTrue();
        assertThat(a.redundantSquawk(plot, pool, 8))
                .as("the track was not updated in this batch")
                .isFalse();
        plot.x = 10_000 + AddressSharing.REDUNDANT_METRES * 2;
        assertThat(a.redundantSquawk(plot, pool, 7))
                .as("too far: another aircraft")
                .isFalse();
        plot.x = 10_000;
        plot.mode3A = Detection.ABSENT;
        assertThat(a.redundantSquawk(plot, pool, 7))
                .as("primary-only plots may be a formation")
                .isFalse();
    }

    @Test
    void motionCarriesItsExternalName() {
        assertThat(Motion.of("imm")).isEqualTo(Motion.IMM);
        assertThat(Motion.of("cv")).isEqualTo(Motion.CV);
        assertThat(Motion.CV.label()).isEqualTo("cv");
        assertThat(Motion.IMM).hasToString("imm");
        assertThatThrownBy(() -> Motion.of("IMM")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mOfNInitiatorGivesItsVerdicts() {
        TrackerConfig c = new TrackerConfig();
        Predictor p = Tracker.defaultPredictor(c);
        MofNInitiator init = new MofNInitiator(p, 300, 0.02, 2, 3, 2, 4, 3, 4);
        TrackPool pool = new TrackPool(projection, p.models(), 20_000);
        SystemTrack t = pool.allocate();
        t.firstNanos = T0;
        init.initiate(t, T0, 0, 0, 100, 0, 100);
        t.everSecondary = true;
        assertThat(init.onHit(t, SensorKind.RADAR, 5, T0 + 5 * S)).isEqualTo(Initiator.Verdict.CONFIRM);
        SystemTrack late = pool.allocate();
        late.firstNanos = T0;
        init.initiate(late, T0, 0, 0, 100, 0, 100);
        late.everSecondary = true;
        assertThat(init.onHit(late, SensorKind.RADAR, 5, T0 + 15 * S)).isEqualTo(Initiator.Verdict.FAIL);
        SystemTrack primary = pool.allocate();
        primary.firstNanos = T0;
        init.initiate(primary, T0, 0, 0, 100, 0, 100);
        assertThat(init.onHit(primary, SensorKind.RADAR, 5, T0 + 5 * S))
                .as("primary-only needs 3 of 4")
                .isEqualTo(Initiator.Verdict.KEEP);
    }
}
