package org.vigil.core.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A 3 g coordinated turn seen by one radar: the CV+CT IMM keeps the track and beats plain CV. */
class ImmTurnTest {
    private static final double G = 9.80665;

    private record Result(double turnRms, int tracks, int gaps) {}

    private static Result run(String motion, long seed) {
        ScriptedWorld w = new ScriptedWorld(seed);
        w.radar(0x1901, 0, 0, 4, 40, 0.06, false);
        double speed = 250;
        double rate = 3 * G / speed; // 0.118 rad/s, radius 2.1 km, 180° in 27 s
        TurningPath path = new TurningPath(60_000, 20_000, 0, speed, 80, rate, 270);
        ScriptedWorld.Target t = w.target("fighter", path);
        t.mode3A = 05001;
        w.config.motion = Motion.of(motion);
        Tracker tracker = w.tracker(new EventLog());
        IdentityProbe probe = new IdentityProbe(tracker, w.targets, 5000);
        List<Detection> dets = w.generate(220);
        // error over the turn and the 20 s after it, sampled after every plot
        double sum = 0;
        int n = 0;
        for (Detection d : dets) {
            tracker.accept(d);
            tracker.advance(d.timeNanos + 2_100_000_000L); // process now: measure the filter, not the window
            double tt = (d.timeNanos - ScriptedWorld.T0) / 1e9;
            if (tt > 80 && tt < path.turnEnd() + 20) {
                SystemTrack st = ScriptedWorld.nearest(tracker, t, 5000);
                double e = st == null ? 5000 : ScriptedWorld.error(t, st);
                sum += e * e;
                n++;
            }
            probe.run();
        }
        return new Result(Math.sqrt(sum / n), probe.numbers.get(0).size(), probe.gaps[0]);
    }

    @Test
    void immKeepsThreeGTurnAndHasLowerErrorThanConstantVelocity() {
        Result imm = run("imm", 21);
        Result cv = run("cv", 21);
        System.out.printf(
                "3 g turn, radar 4 s: IMM rms %.0f m (%d tracks), CV rms %.0f m (%d tracks)%n",
                imm.turnRms, imm.tracks, cv.turnRms, cv.tracks);
        assertThat(imm.tracks).as("tracks following the turning target (IMM)").isEqualTo(1);
        assertThat(imm.gaps).isZero();
        assertThat(imm.turnRms).isLessThan(cv.turnRms);
        assertThat(imm.turnRms).isLessThan(400);
    }

    @Test
    void immModelProbabilityShiftsToTheTurnModelDuringTheTurn() {
        ScriptedWorld w = new ScriptedWorld(22);
        w.radar(0x1901, 0, 0, 4, 40, 0.06, false);
        TurningPath path = new TurningPath(60_000, 20_000, 0, 250, 80, 3 * G / 250, 270);
        ScriptedWorld.Target t = w.target("fighter", path);
        t.mode3A = 05002;
        Tracker tracker = w.tracker(new EventLog());
        double maxCtInTurn = 0;
        double ctBeforeTurn = 1;
        for (Detection d : w.generate(200)) {
            tracker.accept(d);
            tracker.advance(d.timeNanos + 2_100_000_000L);
            SystemTrack st = ScriptedWorld.nearest(tracker, t, 5000);
            if (st == null) continue;
            double tt = (st.timeNanos() - ScriptedWorld.T0) / 1e9;
            double ct = st.kinematics().modelProbability(1);
            if (tt > 50 && tt < 80) ctBeforeTurn = Math.min(ctBeforeTurn, ct);
            if (path.turning(tt)) maxCtInTurn = Math.max(maxCtInTurn, ct);
        }
        assertThat(ctBeforeTurn).as("CT probability in straight flight").isLessThan(0.3);
        assertThat(maxCtInTurn).as("CT probability in the turn").isGreaterThan(0.8);
    }
}
