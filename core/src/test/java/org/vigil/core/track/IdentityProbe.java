package org.vigil.core.track;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Test helper: which confirmed track follows each target, probed periodically. */
final class IdentityProbe implements Runnable {
    final Tracker tracker;
    final List<ScriptedWorld.Target> targets;
    final double maxDistance;
    final List<Set<Integer>> numbers = new ArrayList<>();
    final List<List<Double>> errors = new ArrayList<>();
    final int[] gaps;
    final int[] probes;

    IdentityProbe(Tracker tracker, List<ScriptedWorld.Target> targets, double maxDistance) {
        this.tracker = tracker;
        this.targets = targets;
        this.maxDistance = maxDistance;
        for (int i = 0; i < targets.size(); i++) {
            numbers.add(new LinkedHashSet<>());
            errors.add(new ArrayList<>());
        }
        gaps = new int[targets.size()];
        probes = new int[targets.size()];
    }

    @Override
    public void run() {
        for (int i = 0; i < targets.size(); i++) {
            ScriptedWorld.Target tg = targets.get(i);
            double now = (tracker.now() - ScriptedWorld.T0) / 1e9;
            if (now < tg.start || now > tg.end) continue;
            SystemTrack t = ScriptedWorld.nearest(tracker, tg, maxDistance);
            if (t == null) {
                if (!numbers.get(i).isEmpty()) gaps[i]++;
                continue;
            }
            probes[i]++;
            numbers.get(i).add(t.trackNumber());
            errors.get(i).add(ScriptedWorld.error(tg, t));
        }
    }

    double rmsError(int i) {
        return Math.sqrt(
                errors.get(i).stream().mapToDouble(e -> e * e).average().orElse(Double.NaN));
    }
}
