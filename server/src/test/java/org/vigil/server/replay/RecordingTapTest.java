package org.vigil.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.codec.feed.FrameSink;
import org.vigil.server.recording.RadarBlockSink;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingTap;

/** The tap records what passes and hands it on unchanged; the replay gives it back; no allocation per frame. */
class RecordingTapTest {
    @TempDir
    Path dir;

    static final byte[] DF17 = hex("8D4840D6202CC371C32CE0576098");

    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        return b;
    }

    @Test
    void framesAndPlansComeBackAsRecordedWithTheirTimesMlatAndSignal() throws Exception {
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            RecordingTap tap = new RecordingTap(rec);
            List<String> passed = new ArrayList<>();
            FrameSink next = (buf, off, len, t, mlat, signal) ->
                    passed.add(len + "@" + t + "/" + mlat + "/" + signal + "/" + buf[off]);
            FrameSink a = tap.modeS("rx-a", next);
            FrameSink b = tap.modeS("rx-b", next, () -> 2_500L);
            byte[] padded = new byte[20];
            System.arraycopy(DF17, 0, padded, 3, 14);
            a.onFrame(padded, 3, 14, 1_000, 77, 200);
            b.onFrame(DF17, 0, 7, 2_000, -1, 12); // receive time 2500 from its clock, data time 2000
            a.onFrame(DF17, 0, 14, 3_000, 0, 0);
            a.onFrame(DF17, 10, 14, 4_000, 0, 0); // not a frame: refused by the tap, still handed on
            assertThat(tap.flightPlans(
                            "plans",
                            500,
                            500,
                            "(FPL-ROT263-IS -B738/M-SDFGHIRWY/LB1 -LROP0900 -N0450F350 DCT -LTBA0100 -0)"))
                    .isTrue();
            assertThat(passed).hasSize(4);
            assertThat(tap.recorded()).isEqualTo(4);
            assertThat(tap.refused()).isEqualTo(1);

            List<String> replayed = new ArrayList<>();
            List<Object> plans = new ArrayList<>();
            ReplaySinks sinks = ReplaySinks.none()
                    .withFrames((buf, off, len, t, mlat, signal) ->
                            replayed.add(len + "@" + t + "/" + mlat + "/" + signal + "/" + buf[off]))
                    .withFlightPlans(plans::add);
            Replayer.Summary s = Replayer.recording(rec.raw(), List.of(), Long.MIN_VALUE, Long.MAX_VALUE, sinks);
            assertThat(replayed).containsExactlyElementsOf(passed.subList(0, 3));
            assertThat(s.items("frames")).isEqualTo(3);
            assertThat(s.items("flight-plan-texts")).isEqualTo(1);
            assertThat(s.items("flight-plans") + s.rejects("flight-plan")).isEqualTo(1);
            // a period of receive time [1500, 3500): rx-b's frame (received 2500) and the third
            List<String> period = new ArrayList<>();
            Replayer.recording(
                    rec.raw(),
                    List.of(),
                    1_500,
                    3_500,
                    ReplaySinks.none().withFrames((buf, off, len, t, mlat, signal) -> period.add(t + "")));
            assertThat(period).containsExactly("2000", "3000");
        }
    }

    @Test
    void recordingAFrameAllocatesNothing() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            RecordingTap tap = new RecordingTap(rec);
            long[] seen = {0};
            FrameSink f = tap.modeS("rx", (buf, off, len, t, mlat, signal) -> seen[0] += len);
            RadarBlockSink r = tap.radar("radar", (buf, off, len, rx) -> seen[0] += len);
            byte[] block = new byte[120];
            for (int i = 0; i < 200_000; i++) {
                f.onFrame(DF17, 0, 14, i, i, 1);
                if (i % 10 == 0) r.block(block, 0, block.length, i);
            }
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 500_000; i++) {
                f.onFrame(DF17, 0, 14, 200_000L + i, i, 1);
                if (i % 10 == 0) r.block(block, 0, block.length, 200_000L + i);
            }
            long allocated = mx.getThreadAllocatedBytes(tid) - before;
            assertThat(allocated)
                    .as("bytes allocated for 550,000 recorded inputs")
                    .isLessThan(64 * 1024);
            assertThat(seen[0]).isEqualTo(700_000L * 14 + 70_000L * 120);
        }
    }
}
