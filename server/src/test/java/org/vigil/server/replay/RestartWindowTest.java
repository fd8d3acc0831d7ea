package org.vigil.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * Restart with a journal longer than the window: the rebuild starts mid-recording, cannot match
 * the stored events one for one, and must store nothing at or before the last stored event's
 * data time (no duplicates), while the picture is rebuilt (confirmed tracks at the end).
 */
class RestartWindowTest {
    @TempDir
    Path dir;

    @Test
    void windowRebuildStoresNothingTheStoreAlreadyCovers() throws Exception {
        Scenario sc = RecordFixture.scenario();
        List<RadarSite> radars = RecordFixture.radars(sc);
        RecordingManifest.of(radars, sc.name()).write(dir);
        long stored;
        long lastStoredTime = Long.MIN_VALUE;
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            RecordFixture.Pipeline p = new RecordFixture.Pipeline(radars, new RecordedEvents(rec));
            new RecordFixture.LiveSensors(sc, p, new RecordingTap(rec)).advanceTo(15 * 60);
            p.flush(); // no finish: as if the process stopped here
            rec.sync();
            stored = rec.events().latestSequence();
            for (StoredEvent e : rec.events().query(EventQuery.all().limit(1_000_000))) {
                lastStoredTime = Math.max(lastStoredTime, e.dataTimeNanos());
            }
        }
        assertThat(stored).isGreaterThan(1000);
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            RecordedEvents events = new RecordedEvents(rec);
            RecordFixture.Pipeline q =
                    new RecordFixture.Pipeline(RecordingManifest.read(dir).radars(), events);
            Restart.Result r = Restart.rebuild(
                    rec, RecordingManifest.read(dir).radars(), q.sinks(), events, Duration.ofMinutes(5), q::flush);
            assertThat(r.exact()).isFalse();
            assertThat(r.replay().firstNanos())
                    .isGreaterThanOrEqualTo(sc.startEpochSeconds() * 1_000_000_000L + 9 * 60 * 1_000_000_000L);
            assertThat(r.suppressed()).isGreaterThan(100);
            assertThat(q.tracking.stats().confirmedTracks())
                    .as("picture rebuilt")
                    .isGreaterThan(10);
            rec.sync();
            for (StoredEvent e :
                    rec.events().query(EventQuery.all().after(stored).limit(1_000_000))) {
                assertThat(e.dataTimeNanos())
                        .as("event %d stored by the rebuild", e.seq())
                        .isGreaterThan(lastStoredTime);
            }
            assertThat(rec.events().latestSequence()).isEqualTo(stored + r.recovered());
        }
    }
}
