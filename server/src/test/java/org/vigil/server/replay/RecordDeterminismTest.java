package org.vigil.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.Scenario;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.RecordedEvents;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingManifest;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.recording.StoredEvent;

/**
 * Issue #7 determinism: five minutes of the default scenario's live sensors (advanced by hand, not
 * by the wall clock) run through the tracking and identification pipeline with every raw input
 * recorded; the journal is then replayed into a fresh pipeline and the event stream must be the
 * same, line for line. The events stored through the event sink must be that stream too.
 */
class RecordDeterminismTest {
    static final double SECONDS = 300;

    @TempDir
    Path dir;

    @Test
    void replayOfTheJournalGivesTheSameEventsAsTheLiveRun() throws Exception {
        Scenario sc = RecordFixture.scenario();
        List<RadarSite> radars = RecordFixture.radars(sc);
        RecordingManifest.of(radars, sc.name()).write(dir);
        List<String> live = new ArrayList<>();
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            RecordingTap tap = new RecordingTap(rec);
            RecordedEvents stored = new RecordedEvents(rec);
            RecordFixture.Pipeline p = new RecordFixture.Pipeline(radars, e -> {
                live.add(org.vigil.core.event.EventCodec.encode(e));
                stored.accept(e);
            });
            RecordFixture.LiveSensors sensors = new RecordFixture.LiveSensors(sc, p, tap);
            sensors.advanceTo(SECONDS);
            p.tracking.finish();
            p.flush();
            rec.sync();
            assertThat(tap.refused()).isZero();
            assertThat(tap.recorded()).isEqualTo(rec.raw().stats().appended()).isGreaterThan(10_000);
            // every stored line reads back, with the one codec, as the event that was stored
            for (String l : live)
                assertThat(org.vigil.core.event.EventCodec.encode(org.vigil.core.event.EventCodec.decode(l)))
                        .isEqualTo(l);

            // the stream is a real picture: tracks confirmed and updated, identities decided
            Set<String> types = new TreeSet<>();
            for (String l : live) types.add(l.replaceAll(".*?\"type\":\"([^\"]+)\".*", "$1"));
            assertThat(types).contains("track-initiated", "track-confirmed", "track-updated", "identity-changed");
            assertThat(live.size()).isGreaterThan(1000);

            // what the event store holds is the stream, in order, sequence 1..N
            List<StoredEvent> all = rec.events().query(EventQuery.all().limit(1_000_000));
            assertThat(all).hasSize(live.size());
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).seq()).isEqualTo(i + 1);
                assertThat(all.get(i).payloadJson()).isEqualTo(live.get(i));
            }

            // a fresh pipeline fed from the journal
            List<String> replayed = new ArrayList<>();
            RecordFixture.Pipeline q = new RecordFixture.Pipeline(
                    RecordingManifest.read(dir).radars(), e -> replayed.add(org.vigil.core.event.EventCodec.encode(e)));
            Replayer.Summary s = Replayer.recording(
                    rec.raw(), RecordingManifest.read(dir).radars(), Long.MIN_VALUE, Long.MAX_VALUE, q.sinks());
            q.tracking.finish();
            q.flush();
            assertThat(s.delivered()).isEqualTo(tap.recorded());
            assertThat(s.items("radar-blocks")).isGreaterThan(100);
            assertThat(s.items("flight-plans")).isGreaterThan(0);
            assertThat(s.rejects("skipped")).isZero();
            assertThat(q.tracking.stats().plots()).isEqualTo(p.tracking.stats().plots());
            assertThat(replayed).hasSize(live.size());
            for (int i = 0; i < live.size(); i++) {
                assertThat(replayed.get(i)).as("event %d", i).isEqualTo(live.get(i));
            }
        }
    }
}
