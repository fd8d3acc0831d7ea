package org.vigil.core.gnss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.core.event.InterferenceEvent;
import org.vigil.core.event.VigilEvent;

/** The estimator on hand-made ADS-B: degraded integrity, lost positions, positions at one point, determinism, no allocation. */
class InterferenceEstimatorTest {
    static final long S = 1_000_000_000L;
    static final long T0 = 1_650_000_000L * S;

    /** 40 aircraft on a 0.5° lattice flying east at 450 kt; those within {@code jammedDeg} of (45, 30) report NIC 2. */
    static void fly(InterferenceEstimator e, int seconds, double jammedDeg, List<VigilEvent> out, boolean lose) {
        for (int s = 0; s <= seconds; s++) {
            long t = T0 + s * S;
            for (int a = 0; a < 40; a++) {
                double lat = 44 + Math.floorDiv(a, 8) * 0.5,
                        lon = 28 + (a % 8) * 0.5 + s * 450.0 / 3600 / 60 / Math.cos(Math.toRadians(lat));
                boolean jammed = Math.hypot(lat - 45, (lon - 30) * Math.cos(Math.toRadians(45))) < jammedDeg;
                int addr = 0x400000 + a;
                e.velocity(addr, t, 450, 90);
                if (!(jammed && lose)) e.position(addr, t + 1000, lat, lon, jammed ? 2 : 8);
                e.accuracy(addr, t + 2000, jammed ? 3 : 9);
            }
            e.update(t);
        }
    }

    @Test
    void degradedIntegrityOpensAnAreaOnlyWhereItIs() {
        List<VigilEvent> events = new ArrayList<>();
        InterferenceEstimator e = new InterferenceEstimator(GnssRules.defaults(), events::add);
        fly(e, 120, 0.6, events, false);
        assertThat(events).first().isInstanceOf(InterferenceEvent.Opened.class);
        InterferenceEvent.Opened o = (InterferenceEvent.Opened) events.get(0);
        assertThat(o.kind()).isEqualTo("jamming");
        assertThat(InterferenceEstimator.distanceNm(o.lat(), o.lon(), 45, 30) * 1.852)
                .isLessThan(0.6 * 111 + 20); // within the jammed circle, give or take half a cell
        assertThat(e.affectedAt(45, 30)).isTrue();
        assertThat(e.affectedAt(44, 28)).isFalse();
        assertThat(e.statusOf(0x400000)).isEqualTo(InterferenceEstimator.CLEAN);
        for (InterferenceEstimator.Cell c : e.cells()) {
            // an open cell keeps evidence (hysteresis down to the close share) or holds without aircraft
            if (c.open() && c.aircraft() > 0)
                assertThat(c.affected() / (double) c.aircraft()).isGreaterThanOrEqualTo(0.2);
            if (!c.open() && c.aircraft() >= 2)
                assertThat(c.affected() / (double) c.aircraft()).isLessThan(0.4);
        }
    }

    @Test
    void lostPositionsWhileVelocityContinuesCount() {
        List<VigilEvent> events = new ArrayList<>();
        InterferenceEstimator e = new InterferenceEstimator(GnssRules.defaults(), events::add);
        fly(e, 30, 0.0, events, true); // clean first: positions known
        assertThat(events).isEmpty();
        for (int s = 31; s <= 120; s++) { // then the middle loses its position, velocity goes on
            long t = T0 + s * S;
            for (int a = 0; a < 40; a++) {
                int addr = 0x400000 + a;
                e.velocity(addr, t, 450, 90);
                double lat = 44 + Math.floorDiv(a, 8) * 0.5,
                        lon = 28 + (a % 8) * 0.5 + s * 450.0 / 3600 / 60 / Math.cos(Math.toRadians(lat));
                boolean jammed = Math.hypot(lat - 45, (lon - 30) * Math.cos(Math.toRadians(45))) < 0.6;
                if (!jammed) e.position(addr, t + 1000, lat, lon, 8);
            }
            e.update(t);
        }
        assertThat(events).hasAtLeastOneElementOfType(InterferenceEvent.Opened.class);
        assertThat(e.affectedAt(45, 30.1)).isTrue();
        int lost = 0;
        for (int a = 0; a < 40; a++) if (e.statusOf(0x400000 + a) == InterferenceEstimator.POSITION_LOST) lost++;
        assertThat(lost).isBetween(2, 10);
    }

    @Test
    void anAreaClosesWhenIntegrityComesBack() {
        List<VigilEvent> events = new ArrayList<>();
        InterferenceEstimator e = new InterferenceEstimator(GnssRules.defaults(), events::add);
        fly(e, 120, 0.6, events, false);
        List<VigilEvent> after = new ArrayList<>();
        InterferenceEstimator e2 = new InterferenceEstimator(GnssRules.defaults(), after::add);
        fly(e2, 120, 0.6, after, false);
        assertThat(after).isEqualTo(events); // deterministic
        // clean from now on: the window (60 s) runs out, the cells close
        for (int s = 121; s <= 400; s++) {
            long t = T0 + s * S;
            for (int a = 0; a < 40; a++) {
                double lat = 44 + Math.floorDiv(a, 8) * 0.5,
                        lon = 28 + (a % 8) * 0.5 + s * 450.0 / 3600 / 60 / Math.cos(Math.toRadians(lat));
                e.velocity(0x400000 + a, t, 450, 90);
                e.position(0x400000 + a, t + 1000, lat, lon, 8);
                e.accuracy(0x400000 + a, t + 2000, 9);
            }
            e.update(t);
        }
        assertThat(events).last().isInstanceOf(InterferenceEvent.Closed.class);
        InterferenceEvent.Closed c = (InterferenceEvent.Closed) events.get(events.size() - 1);
        assertThat(c.time() - T0).isLessThanOrEqualTo(121 * S + 60 * S + 10 * S);
        assertThat(e.openAreas()).isZero();
    }

    @Test
    void positionsOfSeveralAircraftAtOnePointAreSpoofing() {
        List<VigilEvent> events = new ArrayList<>();
        InterferenceEstimator e = new InterferenceEstimator(GnssRules.defaults(), events::add);
        for (int s = 0; s <= 90; s++) {
            long t = T0 + s * S;
            for (int a = 0; a < 6; a++) {
                int addr = 0x500000 + a;
                double track = a * 60; // different directions: not a formation
                double lat = 44.5 + 0.1 * a + s * 450.0 / 3600 / 60 * Math.cos(Math.toRadians(track));
                double lon =
                        30 + s * 450.0 / 3600 / 60 * Math.sin(Math.toRadians(track)) / Math.cos(Math.toRadians(44.5));
                e.velocity(addr, t, 450, track);
                if (s < 30) e.position(addr, t + 1000, lat, lon, 8);
                else e.position(addr, t + 1000, 45.5, 31.0, 8); // all at one point from 30 s on
            }
            e.update(t);
        }
        for (int a = 0; a < 6; a++) assertThat(e.statusOf(0x500000 + a)).isEqualTo(InterferenceEstimator.SPOOFED);
        assertThat(events).hasAtLeastOneElementOfType(InterferenceEvent.Opened.class);
        assertThat(((InterferenceEvent.Opened) events.get(0)).kind()).isEqualTo("spoofing");
        // placed where they really are (dead reckoning from their last plausible position), not at the point
        assertThat(e.affectedAt(45.5, 31.0)).isFalse();
        assertThat(events.get(0).time() - T0).isLessThanOrEqualTo(32 * S);
    }

    @Test
    void aFormationAtOnePointIsNotSpoofing() {
        InterferenceEstimator e = new InterferenceEstimator(GnssRules.defaults(), null);
        for (int s = 0; s <= 90; s++) {
            long t = T0 + s * S;
            for (int a = 0; a < 4; a++) {
                double lat = 44.5 + s * 450.0 / 3600 / 60 + a * 0.002;
                e.velocity(0x500000 + a, t, 450, 0);
                e.position(0x500000 + a, t + 1000, lat, 30.0, 8);
            }
            e.update(t);
        }
        for (int a = 0; a < 4; a++) assertThat(e.statusOf(0x500000 + a)).isEqualTo(InterferenceEstimator.CLEAN);
        assertThat(e.openAreas()).isZero();
    }

    @Test
    void rulesComeFromData() {
        GnssRules r = GnssRules.fromMap(Map.of("cellKm", 25, "openShare", 0.5));
        assertThat(r.cellKm()).isEqualTo(25);
        assertThat(r.openShare()).isEqualTo(0.5);
        assertThat(r.nicBelow()).isEqualTo(GnssRules.defaults().nicBelow());
        assertThatThrownBy(() -> GnssRules.fromMap(Map.of("cellsize", 25))).hasMessageContaining("unknown gnss key");
        assertThatThrownBy(() -> GnssRules.fromMap(Map.of("openShare", 0.1, "closeShare", 0.3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGridHasCellsOfNearlyEqualArea() {
        EqualAreaGrid g = new EqualAreaGrid(40);
        double[] b = new double[4];
        for (double lat : new double[] {0, 30, 45, 60, 70}) {
            int c = g.cellOf(lat, 20);
            g.bounds(c, b);
            double h = (b[1] - b[0]) * 111.195, w = (b[3] - b[2]) * 111.195 * Math.cos(Math.toRadians(g.centreLat(c)));
            assertThat(h * w).isBetween(1600 * 0.9, 1600 * 1.1);
            assertThat(g.cellOf(g.centreLat(c), g.centreLon(c))).isEqualTo(c);
            assertThat(lat).isBetween(b[0], b[1]);
        }
    }

    @Test
    void messagesAllocateNothing() {
        InterferenceEstimator e = new InterferenceEstimator(GnssRules.defaults(), null);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int round = 0; round < 3; round++) {
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 200_000; i++) {
                int addr = 0x400000 + (i % 2000);
                long t = T0 + (round * 200_000L + i) * 5_000_000L;
                e.velocity(addr, t, 450, 90);
                e.position(addr, t + 1, 44 + (i % 2000) * 0.001, 30 + i * 1e-6, (i & 64) == 0 ? 8 : 3);
                e.accuracy(addr, t + 2, 9);
            }
            long allocated = mx.getThreadAllocatedBytes(tid) - before;
            if (round == 2) assertThat(allocated).as("bytes over 600k messages").isLessThan(2_000);
        }
        assertThat(e.messages()).isEqualTo(1_800_000);
    }
}
