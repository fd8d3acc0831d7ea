package org.vigil.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.codec.feed.FrameSink;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingTap;

/** Pacing, pause, jump and stop of a replay, driven from another thread. */
class RecordingReplayControlTest {
    static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    /** 200 frames, 10 ms of data time apart: two seconds of data. */
    private Recorder recordTwoSeconds() throws Exception {
        Recorder rec = Recorder.open(RecorderConfig.embedded(dir));
        FrameSink f = new RecordingTap(rec).modeS("rx", (b, o, l, t, m, s) -> {});
        for (int i = 0; i < 200; i++) f.onFrame(RecordingTapTest.DF17, 0, 14, i * 10L * MS, 0, 0);
        return rec;
    }

    private static ReplaySinks times(List<Long> out) {
        return ReplaySinks.none().withFrames((b, o, l, t, m, s) -> out.add(t));
    }

    @Test
    void speedPacesByDataTime() throws Exception {
        try (Recorder rec = recordTwoSeconds()) {
            List<Long> got = new CopyOnWriteArrayList<>();
            long t0 = System.nanoTime();
            Replayer.recording(
                    rec.raw(), List.of(), Long.MIN_VALUE, Long.MAX_VALUE, times(got), new ReplayController(4), t -> {});
            double wall = (System.nanoTime() - t0) / 1e9;
            assertThat(got).hasSize(200);
            assertThat(wall).as("2 s of data at 4x").isBetween(0.45, 2.0);
            long t1 = System.nanoTime();
            Replayer.recording(
                    rec.raw(), List.of(), Long.MIN_VALUE, Long.MAX_VALUE, times(new CopyOnWriteArrayList<>()));
            assertThat((System.nanoTime() - t1) / 1e9).as("maximum speed").isLessThan(0.4);
        }
    }

    @Test
    void pauseHoldsJumpRestartsAtTheTargetAndStopEnds() throws Exception {
        try (Recorder rec = recordTwoSeconds()) {
            List<Long> got = new CopyOnWriteArrayList<>();
            List<Long> jumps = new CopyOnWriteArrayList<>();
            ReplayController c = new ReplayController(1);
            AtomicReference<Replayer.Summary> result = new AtomicReference<>();
            Thread replay = new Thread(() -> {
                try {
                    result.set(Replayer.recording(
                            rec.raw(), List.of(), Long.MIN_VALUE, Long.MAX_VALUE, times(got), c, jumps::add));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            replay.start();
            Thread.sleep(200);
            c.pause();
            Thread.sleep(50);
            int atPause = got.size();
            Thread.sleep(300);
            assertThat(got.size()).as("nothing delivered while paused").isEqualTo(atPause);
            assertThat(atPause).isBetween(5, 60);
            c.jump(1500 * MS); // forward, while paused: delivered from 1.5 s on once resumed
            c.setSpeed(ReplayController.MAX_SPEED);
            c.resume();
            replay.join(5_000);
            assertThat(replay.isAlive()).isFalse();
            assertThat(jumps).containsExactly(1500 * MS);
            List<Long> after = got.subList(atPause, got.size());
            assertThat(after).hasSize(50);
            assertThat(after.get(0)).isEqualTo(1500 * MS);
            assertThat(result.get().jumps()).isEqualTo(1);
            assertThat(result.get().stopped()).isFalse();
            assertThat(c.position()).isEqualTo(1990 * MS);

            // stop: ends a paced replay early
            ReplayController s = new ReplayController(1);
            List<Long> few = new CopyOnWriteArrayList<>();
            Thread t = new Thread(() -> {
                try {
                    Replayer.recording(rec.raw(), List.of(), Long.MIN_VALUE, Long.MAX_VALUE, times(few), s, x -> {});
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            Thread.sleep(100);
            s.stop();
            t.join(2_000);
            assertThat(t.isAlive()).isFalse();
            assertThat(few.size()).isBetween(1, 100);
        }
    }
}
