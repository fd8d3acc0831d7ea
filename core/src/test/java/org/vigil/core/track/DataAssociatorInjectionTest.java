package org.vigil.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.track.ScriptedWorld.straight;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tracker uses the data associator it is given, not a built-in one. */
class DataAssociatorInjectionTest {
    /** Pairs nothing: every gated hypothesis is turned down. */
    static final class NeverPair implements DataAssociator {
        int batches;
        int pairs;

        @Override
        public void begin(int tracks, int detections, double missCostEach) {
            batches++;
        }

        @Override
        public void addPair(int track, int detection, double cost) {
            pairs++;
        }

        @Override
        public void solve() {}

        @Override
        public int trackOf(int detection) {
            return -1;
        }
    }

    /** Greedy: each detection takes its cheapest pair, tracks first come first served. */
    static final class Greedy implements DataAssociator {
        private final int[] detTrack = new int[256];
        private final double[] detCost = new double[256];
        private final boolean[] taken = new boolean[256];
        private int nd;
        private double miss;

        @Override
        public void begin(int tracks, int detections, double missCostEach) {
            nd = detections;
            miss = missCostEach;
            for (int i = 0; i < detections; i++) {
                detTrack[i] = -1;
                detCost[i] = Double.MAX_VALUE;
            }
            for (int t = 0; t < tracks; t++) taken[t] = false;
        }

        @Override
        public void addPair(int track, int detection, double cost) {
            if (cost < 2 * miss && cost < detCost[detection] && !taken[track]) {
                if (detTrack[detection] >= 0) taken[detTrack[detection]] = false;
                detTrack[detection] = track;
                detCost[detection] = cost;
                taken[track] = true;
            }
        }

        @Override
        public void solve() {}

        @Override
        public int trackOf(int detection) {
            return detection < nd ? detTrack[detection] : -1;
        }
    }

    private static ScriptedWorld world() {
        ScriptedWorld w = new ScriptedWorld(3);
        w.radar(0x0101, 0, 0, 5, 50, 0.08, false);
        ScriptedWorld.Target t = w.target("primary", straight(60_000, 20_000, 90, 200));
        t.transponder = false; // no address: every plot goes through gating and association
        return w;
    }

    private static Tracker tracker(ScriptedWorld w, DataAssociator associator, int[] initiated) {
        TrackerConfig c = w.config;
        Tracker tr = new Tracker(
                c,
                new TrackListener() {
                    @Override
                    public void initiated(SystemTrack track, long timeNanos) {
                        initiated[0]++;
                    }
                },
                Tracker.defaultPredictor(c),
                new KalmanUpdater(),
                null,
                associator,
                null,
                new CoastingDeleter(
                        c.radarCoastScans, c.reportCoastSeconds, c.tentativeCoastScans, c.tentativeReportCoastSeconds));
        for (ScriptedWorld.Radar r : w.radars) tr.addSensor(r.config());
        return tr;
    }

    private static void run(Tracker tr, List<Detection> dets) {
        for (Detection d : dets) tr.accept(d);
        tr.flush();
    }

    @Test
    void anAssociatorThatPairsNothingMakesEveryPlotATrackOfItsOwn() {
        ScriptedWorld w = world();
        List<Detection> dets = w.generate(60);
        NeverPair never = new NeverPair();
        int[] initiated = {0};
        Tracker tr = tracker(w, never, initiated);
        run(tr, dets);
        assertThat(never.batches).as("the injected associator was asked").isPositive();
        assertThat(never.pairs).isPositive();
        assertThat(initiated[0]).as("every plot started a track").isEqualTo(dets.size());
        assertThat(ScriptedWorld.confirmedCount(tr)).isZero();
    }

    @Test
    void aGreedyAssociatorTracksAnIsolatedTargetLikeTheDefault() {
        ScriptedWorld w = world();
        List<Detection> dets = w.generate(60);
        int[] greedyInitiated = {0};
        Tracker greedy = tracker(w, new Greedy(), greedyInitiated);
        run(greedy, dets);
        int[] gnnInitiated = {0};
        Tracker gnn = tracker(w, null, gnnInitiated); // null: the default GNN
        run(gnn, dets);
        assertThat(gnnInitiated[0]).isEqualTo(1);
        assertThat(greedyInitiated[0]).isEqualTo(1);
        assertThat(ScriptedWorld.confirmedCount(greedy)).isEqualTo(1);
        assertThat(ScriptedWorld.confirmedCount(gnn)).isEqualTo(1);
    }
}
