package org.vigil.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.event.EventCodec;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.server.cli.Theatres;
import org.vigil.server.picture.Picture;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.StoredEvent;
import org.vigil.server.replay.PictureSinks;
import org.vigil.server.replay.RecordedFighters;
import org.vigil.server.replay.Replayer;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;

/**
 * Issue 11: the simulator is a recorded input. A {@code vigil demo} run (the default scenario,
 * recording) in which an operator proposes and a supervisor orders a scramble against the first
 * alert's track; the fighters launch, get airborne and fly. The recording replayed into a fresh
 * picture — the simulation's steps and its fighters' answers from the journal, the operators'
 * actions carried out again where they took effect — gives the live run's events byte for byte,
 * the scramble lifecycle included. Control: the same replay without the fighters' answers does not.
 */
class DemoRecordingReplayTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void aReplayOfADemoRecordingGivesItsEventsScramblesIncluded() throws Exception {
        Scenario sc = ScenarioLoader.load("black-sea-2022");
        List<RadarSite> radars = new ArrayList<>();
        for (RadarSpec r : sc.radars()) radars.add(SimFeed.site(r));
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            DemoScrambleRecording.record(rec, sc);
            rec.sync();
            List<String> live = new ArrayList<>();
            for (StoredEvent e : FeedStopsTest.all(rec)) if (e.actor() == null) live.add(e.payloadJson());
            assertThat(live).anyMatch(l -> l.contains("\"type\":\"scramble.ordered\""));
            assertThat(live)
                    .as("the fighters got airborne, with the callsigns the simulation gave them")
                    .anyMatch(l -> l.contains("\"type\":\"scramble.phase\"")
                            && l.contains("\"phase\":\"airborne\"")
                            && l.contains("\"callsigns\""));

            List<String> replayed = replay(rec, radars, true);
            assertThat(replayed).hasSameSizeAs(live);
            for (int i = 0; i < live.size(); i++)
                assertThat(replayed.get(i)).as("event %d", i).isEqualTo(live.get(i));

            // control: without the recorded answers the workflow never sees its fighters
            assertThat(replay(rec, radars, false)).isNotEqualTo(live);
        }
    }

    /** The recording replayed into a fresh picture, with or without the simulated fighters' recorded answers. */
    private static List<String> replay(Recorder rec, List<RadarSite> radars, boolean answers) throws Exception {
        List<String> replayed = new ArrayList<>();
        Picture fresh = Picture.builder(Theatres.builtIn("black-sea-2022"))
                .events(e -> replayed.add(EventCodec.encode(e)))
                .build();
        RecordedFighters fighters = new RecordedFighters();
        var sinks = (answers ? PictureSinks.withRecordedFighters(fresh, fighters) : PictureSinks.of(fresh))
                .withActions(new OperatorActionReplay(fresh, rec));
        Replayer.Summary s = Replayer.recording(rec.raw(), radars, Long.MIN_VALUE, Long.MAX_VALUE, sinks);
        fresh.flushEvents();
        assertThat(s.items("simulation-steps")).isGreaterThan(800);
        assertThat(s.items("fighter-answers")).isGreaterThan(100);
        if (answers) {
            assertThat(fighters.unanswered())
                    .as("questions without a recorded answer")
                    .isZero();
            assertThat(fighters.unasked())
                    .as("recorded answers nobody asked for")
                    .isZero();
        }
        return replayed;
    }
}
