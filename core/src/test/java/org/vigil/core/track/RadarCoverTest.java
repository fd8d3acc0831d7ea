package org.vigil.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.track.ScriptedWorld.S;
import static org.vigil.core.track.ScriptedWorld.T0;
import static org.vigil.core.track.ScriptedWorld.straight;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Deletion out of cover: an aircraft leaving the radar's instrumented range is not flown on (issue #14 item 5). */
class RadarCoverTest {

    /** Seconds from the outbound aircraft's leaving the cover to its track's deletion. */
    private static double coastAfterLeaving(boolean coverStated, double innerEnd) {
        ScriptedWorld w = new ScriptedWorld(21);
        w.radarMaxRange = 100_000;
        w.radar(0x1901, 0, 0, 5, 50, 0.08, false);
        // outbound, primary only: leaves the 100 km cover after about 250 s
        ScriptedWorld.Target out = w.target("outbound", straight(0, 50_000, 0, 200));
        out.transponder = false;
        // one that stops being seen inside the cover (a miss streak, a landing): coasts as before
        ScriptedWorld.Target in = w.target("inside", straight(-40_000, -20_000, 90, 150));
        in.transponder = false;
        in.end = innerEnd;
        EventLog log = new EventLog();
        Tracker tracker = w.tracker(log);
        if (coverStated) assertThat(tracker.setRadarCover(0x1901, 100_000)).isTrue();
        List<Detection> dets = w.generate(400);
        ScriptedWorld.run(tracker, dets, 5, null);
        for (int t = 250; t <= 400; t++) tracker.advance(T0 + t * S); // a quiet feed: time still passes
        long leaves = T0 + 250 * S; // 50 km + 200 m/s × 250 s = the 100 km cover
        List<String> deleted =
                log.lines.stream().filter(l -> l.contains(" deleted ")).toList();
        assertThat(deleted).hasSize(2);
        // the inside one keeps its full coasting (5 scans) either way
        long insideDeleted = deleted.stream()
                .mapToLong(l -> Long.parseLong(l.split(" ")[0]))
                .min()
                .orElseThrow();
        assertThat((insideDeleted - (T0 + (long) (innerEnd * S))) / 1e9).isBetween(20.0, 32.0);
        long outDeleted = deleted.stream()
                .mapToLong(l -> Long.parseLong(l.split(" ")[0]))
                .max()
                .orElseThrow();
        return (outDeleted - leaves) / 1e9;
    }

    @Test
    void aTrackLeavingTheStatedCoverEndsAfterOneMissedScan() {
        // last plot within a scan before leaving; then 5 scans of coasting, or one missed scan and
        // the 1 km margin (about 5 s at 200 m/s)
        assertThat(coastAfterLeaving(false, 100)).as("cover unknown: 5 scans").isBetween(20.0, 27.0);
        assertThat(coastAfterLeaving(true, 100))
                .as("cover stated: one missed scan")
                .isBetween(2.0, 10.0);
    }

    @Test
    void coverIsOnlyStatedForRadars() {
        ScriptedWorld w = new ScriptedWorld(22);
        w.radar(0x1901, 0, 0, 5, 50, 0.08, false);
        Tracker tracker = w.tracker(new EventLog());
        tracker.addSensor(SensorConfig.reports(9000, SensorKind.ADSB, "ADS-B"));
        assertThat(tracker.setRadarCover(9000, 100_000)).isFalse();
        assertThat(tracker.setRadarCover(0x7777, 100_000)).isFalse();
        assertThat(tracker.setRadarCover(0x1901, Double.NaN)).isFalse();
    }
}
