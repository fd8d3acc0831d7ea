package org.vigil.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.track.ScriptedWorld.straight;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Rough throughput and allocation with 5,000 simultaneous tracks (the JMH benchmark is the
 * reference; this only guards against regressions by an order of magnitude).
 */
class TrackerThroughputTest {
    @Test
    void fiveThousandTracksAtHighRateWithoutAllocationPerDetection() {
        ScriptedWorld w = new ScriptedWorld(77);
        w.radar(0x1901, -150_000, -150_000, 5, 50, 0.08, true);
        w.radar(0x1902, 150_000, -150_000, 5, 50, 0.08, true);
        w.radar(0x1903, -150_000, 150_000, 10, 80, 0.1, false);
        w.radar(0x1904, 150_000, 150_000, 10, 80, 0.1, true);
        w.config.updateEventIntervalSeconds = 0;
        Random rnd = new Random(5);
        for (int i = 0; i < 5000; i++) {
            ScriptedWorld.Target t = w.target(
                    "T" + i,
                    straight(
                            rnd.nextDouble() * 600_000 - 300_000,
                            rnd.nextDouble() * 600_000 - 300_000,
                            rnd.nextDouble() * 360,
                            100 + rnd.nextDouble() * 150));
            t.transponder = rnd.nextDouble() < 0.9;
            t.icao = 0x400000 + i;
            t.mode3A = i & 07777;
            t.adsb = rnd.nextDouble() < 0.5;
        }
        List<Detection> dets = w.generate(120);
        int half = dets.size() / 2;
        Tracker tracker = w.tracker(new TrackListener() {});
        for (int i = 0; i < half; i++) tracker.accept(dets.get(i)); // warm-up: pools and JIT
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long bytes0 = mx.getThreadAllocatedBytes(tid);
        long t0 = System.nanoTime();
        for (int i = half; i < dets.size(); i++) tracker.accept(dets.get(i));
        long elapsed = System.nanoTime() - t0;
        long bytes = mx.getThreadAllocatedBytes(tid) - bytes0;
        int n = dets.size() - half;
        double rate = n / (elapsed / 1e9);
        int confirmed = ScriptedWorld.confirmedCount(tracker);
        System.out.printf(
                "throughput: %d detections in %.0f ms = %.0f /s with %d confirmed tracks (%d live), %.1f bytes/detection, %d manoeuvre updates, %d clusters, %d gate evaluations%n",
                n,
                elapsed / 1e6,
                rate,
                confirmed,
                tracker.liveTracks(),
                bytes / (double) n,
                tracker.manoeuvreUpdates(),
                tracker.clustersSolved(),
                tracker.gateEvaluations());
        assertThat(confirmed).isBetween(4900, 5200);
        assertThat(rate)
                .as("detections per second (order-of-magnitude guard: the machine is shared)")
                .isGreaterThan(20_000);
        assertThat(bytes / (double) n).as("bytes allocated per detection").isLessThan(20);
    }
}
