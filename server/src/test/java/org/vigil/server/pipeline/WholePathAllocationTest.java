package org.vigil.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vigil.codec.modes.AdsbEncoder;
import org.vigil.core.Callsigns;
import org.vigil.server.picture.Picture;

/**
 * Issue 20: the whole per-message path allocates nothing once the picture is in a steady state —
 * frame bytes into {@link Picture#acceptFrame}: Mode S decoding, CPR, the aircraft table, the GNSS
 * picture, the tracker and identification with the default theatre's rules, airspace and flight
 * plans. 40 aircraft cross the western Black Sea for 20 minutes of data time, each sending what an
 * airliner does (two positions, a velocity a second; identification and operational status every
 * 5 s), heard by two receivers (every frame twice, a few milliseconds apart). The first 10 minutes
 * warm up (tracks confirmed, alerts raised, JIT); the next 10 are measured with the thread's
 * allocation counter, as the other allocation tests do.
 */
class WholePathAllocationTest {
    private static final long S = 1_000_000_000L;
    private static final int AIRCRAFT = 40;
    private static final int SECONDS = 1_200;
    private static final int FRAMES_PER_SECOND = 3 + 2; // 2 positions + velocity, +1 identity or status at times

    @Test
    void framesToTableTrackerAndIdentificationAllocateNothingInSteadyState() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) mx;
        Picture p = Picture.builder(org.vigil.server.cli.Theatres.builtIn("black-sea-2022"))
                .build();

        // frames made beforehand, so that only the picture's work is measured
        int max = AIRCRAFT * SECONDS * FRAMES_PER_SECOND;
        byte[] frames = new byte[max * 14];
        long[] times = new long[max];
        int n = 0;
        long t0 = 1_645_682_400L * S; // 2022-02-24T06:00:00Z
        for (int s = 0; s < SECONDS; s++) {
            for (int a = 0; a < AIRCRAFT; a++) {
                int icao = 0x4A0000 + a;
                double heading = Math.toRadians(a * 9.0);
                double metres = 230.0 * s;
                int row = a % 8, column = a / 8;
                double lat0 = 43.2 + row * 0.15, lon0 = 29.5 + column * 0.4;
                for (int half = 0; half < 2; half++) {
                    double d = metres + 115.0 * half;
                    double lat = lat0 + d * Math.cos(heading) / 111_195.0;
                    double lon = lon0 + d * Math.sin(heading) / (111_195.0 * Math.cos(Math.toRadians(lat0)));
                    AdsbEncoder.airbornePosition(frames, n * 14, icao, lat, lon, 35_000, half == 1, 8, 0);
                    times[n++] = t0 + s * S + half * (S / 2) + a * 1_000_000L;
                }
                AdsbEncoder.groundVelocity(
                        frames, n * 14, icao, 447, Math.toDegrees(heading), 0, AdsbEncoder.VR_SOURCE_GNSS, 0, 2);
                times[n++] = t0 + s * S + S / 4 + a * 1_000_000L;
                if ((s + a) % 5 == 0) {
                    AdsbEncoder.identification(frames, n * 14, icao, 4, 3, Callsigns.pack("TST" + (100 + a)));
                    times[n++] = t0 + s * S + S / 8 + a * 1_000_000L;
                } else if ((s + a) % 5 == 2) {
                    AdsbEncoder.operationalStatus(frames, n * 14, icao, 0, 9, 3, 2, 1);
                    times[n++] = t0 + s * S + S / 8 + a * 1_000_000L;
                }
            }
        }
        // in time order, as a merged feed delivers them
        final long[] unsorted = times;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Long.compare(unsorted[x], unsorted[y]));
        byte[] sortedFrames = new byte[n * 14];
        long[] sortedTimes = new long[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(frames, order[i] * 14, sortedFrames, i * 14, 14);
            sortedTimes[i] = unsorted[order[i]];
        }
        frames = sortedFrames;
        times = sortedTimes;
        int half = 0;
        while (half < n && times[half] < t0 + SECONDS / 2 * S) half++;

        feed(p, frames, times, 0, half);
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        feed(p, frames, times, half, n);
        long allocated = bean.getThreadAllocatedBytes(tid) - before;

        long messages = 2L * (n - half);
        assertThat(p.tracking().stats().confirmedTracks()).as("steady picture").isEqualTo(AIRCRAFT);
        assertThat(p.ident().updates()).isPositive();
        assertThat(p.modeS().stats().copyFrames()).isGreaterThanOrEqualTo(n);
        // goal 0 (issue 20); measured 0.38 byte/message (62 KB over 10 min of data, about 100 bytes per
        // second of data: an allocation on a timer somewhere, not yet found, docs/PERFORMANCE.md).
        // This bound catches any allocation per message (>= 1 byte each).
        assertThat((double) allocated / messages)
                .as("bytes per message over %,d messages (%,d bytes)", messages, allocated)
                .isLessThan(0.5);
    }

    /** Every frame from two receivers, the second copy 3 ms later and weaker. */
    private static void feed(Picture p, byte[] frames, long[] times, int from, int to) {
        for (int i = from; i < to; i++) {
            p.acceptFrame(-1, frames, i * 14, 14, times[i], 160);
            p.acceptFrame(-1, frames, i * 14, 14, times[i] + 3_000_000L, 120);
        }
    }
}
