package org.vigil.server.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.cli.Theatres;
import org.vigil.server.recording.StoredEvent;
import org.vigil.server.replay.ReplayController;
import org.vigil.server.replay.Replayer;

/**
 * Issue #7 item 2, determinism: a period of a recording of the default scenario (made by a
 * LiveServer recording through its tap) played back at maximum speed gives exactly the events the
 * original run recorded for that period: same types, data times, track numbers and JSON, same order.
 * The period starts mid-recording, so this also checks that the warm-up makes the picture at the
 * period's start the original one (track numbers, identities, open alerts).
 */
@Timeout(240)
class PlaybackDeterminismTest {
    static final double SECONDS = 300;

    @TempDir
    static Path dir;

    static PlaybackRecording rec;

    @BeforeAll
    static void record() throws Exception {
        rec = new PlaybackRecording(dir, SECONDS);
    }

    @AfterAll
    static void close() throws Exception {
        if (rec != null) rec.close();
    }

    record Ev(String type, long time, Long track, String json) {}

    private static List<Ev> play(long from, long to) throws Exception {
        List<Ev> out = new ArrayList<>();
        RecordingPlayback p = new RecordingPlayback(
                Theatres.builtIn("black-sea-2022"),
                rec.recorder.raw(),
                rec.radars,
                from,
                to,
                ReplayController.MAX_SPEED,
                e -> {
                    org.vigil.server.recording.EncodedEvent x = org.vigil.server.recording.EncodedEvent.of(e);
                    out.add(new Ev(x.type(), x.timeNanos(), x.track(), x.json()));
                });
        Replayer.Summary s = p.playOnce();
        assertThat(s.delivered()).isGreaterThan(1000);
        assertThat(s.rejects("skipped")).isZero();
        assertThat(p.state().events()).isEqualTo(out.size());
        return out;
    }

    private static List<Ev> recorded(long from, long to) throws Exception {
        List<Ev> out = new ArrayList<>();
        for (StoredEvent e : rec.events(from, to))
            out.add(new Ev(e.type(), e.dataTimeNanos(), e.trackNumber(), e.payloadJson()));
        return out;
    }

    private static void assertSameStream(List<Ev> played, List<Ev> recorded) {
        for (int i = 0; i < Math.min(played.size(), recorded.size()); i++) {
            assertThat(played.get(i)).as("event %d of %d", i, recorded.size()).isEqualTo(recorded.get(i));
        }
        assertThat(played).as("events played").hasSize(recorded.size());
    }

    @Test
    void aPeriodFromMidRecordingToTheEndGivesTheRecordedEvents() throws Exception {
        long from = rec.startNanos + 120_000_000_000L;
        long to = rec.lastNanos() + 1;
        List<Ev> recorded = recorded(from, to);
        // a real stream: lifecycle, updates, identities; tracks numbered by the original run
        Set<String> types = new TreeSet<>();
        for (Ev e : recorded) types.add(e.type());
        assertThat(types).contains("track-initiated", "track-confirmed", "track-updated", "identity-changed");
        assertThat(recorded.size()).isGreaterThan(300);
        assertSameStream(play(from, to), recorded);
    }

    @Test
    void aPeriodInsideTheRecordingGivesTheRecordedEventsOfThatPeriod() throws Exception {
        long from = rec.startNanos + 60_000_000_000L;
        long to = rec.startNanos + 200_000_000_000L;
        List<Ev> recorded = recorded(from, to);
        assertThat(recorded.size()).isGreaterThan(200);
        assertSameStream(play(from, to), recorded);
    }

    @Test
    void theWholeRecordingGivesEveryRecordedEvent() throws Exception {
        long from = rec.startNanos - 1;
        long to = rec.lastNanos() + 1;
        assertSameStream(play(from, to), recorded(from, to));
    }
}
