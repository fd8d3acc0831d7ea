package org.vigil.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.event.EventCodec;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.Degradation;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.ReceiverSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.server.cli.Theatres;
import org.vigil.server.feed.SensorHealth;
import org.vigil.server.picture.HealthReport;
import org.vigil.server.picture.Picture;
import org.vigil.server.picture.PictureSnapshot;
import org.vigil.server.recording.EventQuery;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.recording.RecordingTap;
import org.vigil.server.recording.StoredEvent;
import org.vigil.server.replay.Replayer;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;
import org.vigil.server.web.AircraftView;

/**
 * Issue 13: every ADS-B receiver of the default scenario stops at 2 min (a scenario degradation);
 * the scenario's clock goes on ticking. Within the configured timeout each receiver's feed is lost
 * and health is degraded naming it; position ages grow with the clock, not with the (stopped)
 * data; the aircraft expire at their 300 s; and the recording replayed into a fresh picture gives
 * the same events, byte for byte, the sensor-status events included.
 */
class FeedStopsTest {
    static final double STOP_S = 120, SILENCE_S = 10;

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void aStoppedFeedIsLostAgesGrowAircraftExpireAndTheReplayIsIdentical() throws Exception {
        Scenario base = ScenarioLoader.load("black-sea-2022");
        List<Degradation> stops = new ArrayList<>();
        for (ReceiverSpec r : base.receivers())
            stops.add(new Degradation(r.name(), Degradation.Kind.DROP, STOP_S, 1e9, 0));
        Scenario sc = base.withDegradations(stops);
        List<RadarSite> radars = new ArrayList<>();
        for (RadarSpec r : sc.radars()) radars.add(SimFeed.site(r));
        SensorHealth.Config health = SensorHealth.Config.DEFAULTS.withSilenceSeconds(SILENCE_S);

        List<String> live;
        try (Recorder rec = Recorder.open(RecorderConfig.embedded(dir))) {
            try (LiveServer server =
                    new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(rec))) {
                server.picture().healthConfig(health);
                LiveSimulation sim = server.addInput(new LiveSimulation(server, sc, 1, false));
                sim.advanceTo(STOP_S);
                PictureSnapshot before = server.picture().snapshot();
                assertThat(before.aircraft()).hasSizeGreaterThan(10);
                assertThat(before.sensors()).anyMatch(s -> s.kind().equals("adsb"));
                assertThat(before.sensors()).allMatch(s -> s.state().equals("up"));
                assertThat(HealthReport.of(before, server.feeds().statuses())).containsEntry("status", "ok");

                // within the timeout (plus the one-second tick) every receiver's feed is lost
                sim.advanceTo(STOP_S + SILENCE_S + 2);
                PictureSnapshot lost = server.picture().snapshot();
                List<SensorHealth.Status> adsb = lost.sensors().stream()
                        .filter(s -> s.kind().equals("adsb"))
                        .toList();
                assertThat(adsb).isNotEmpty().allMatch(s -> s.state().equals("lost"));
                assertThat(adsb.get(0).reason()).isEqualTo("no data for 10 s");
                assertThat(lost.sensors().stream().filter(s -> s.kind().equals("radar")))
                        .allMatch(s -> s.state().equals("up"));
                Map<String, Object> report =
                        HealthReport.of(lost, server.feeds().statuses());
                assertThat(report).containsEntry("status", "degraded");
                assertThat(report.get("degraded").toString())
                        .contains(adsb.get(0).sensor() + ": lost");

                // ages grow with the clock: the picture's now is the scenario's, the data stopped at 2 min
                assertThat(lost.nowNanos() - lost.latestMessageNanos()).isGreaterThan(11_000_000_000L);
                double oldest = lost.aircraft().stream()
                        .filter(a -> a.positionAgeS() != null)
                        .mapToDouble(AircraftView::positionAgeS)
                        .min()
                        .orElseThrow();
                assertThat(oldest).isGreaterThanOrEqualTo(SILENCE_S);

                // the aircraft expire 300 s after they were last heard; the radar tracks live on
                sim.advanceTo(STOP_S + 305);
                PictureSnapshot expired = server.picture().snapshot();
                assertThat(expired.aircraft()).isEmpty();
                assertThat(expired.tracks()).isNotEmpty();
                assertThat(expired.modeS().expiredAircraft()).isGreaterThan(10);
            }
            rec.sync();
            live = new ArrayList<>();
            for (StoredEvent e : all(rec)) if (e.actor() == null) live.add(e.payloadJson());
            assertThat(live)
                    .anyMatch(l -> l.contains("\"type\":\"sensor-status\"") && l.contains("\"state\":\"lost\""));

            // the same run replayed from its recording: the same events, byte for byte
            List<String> replayed = new ArrayList<>();
            // built as the live server builds its picture: radars learnt from their service messages
            Picture fresh = Picture.builder(Theatres.builtIn("black-sea-2022"))
                    .health(health)
                    .events(e -> replayed.add(EventCodec.encode(e)))
                    .build();
            Replayer.Summary s = Replayer.recording(
                    rec.raw(), radars, Long.MIN_VALUE, Long.MAX_VALUE, org.vigil.server.replay.PictureSinks.of(fresh));
            fresh.flushEvents();
            assertThat(s.items("clock-ticks")).isGreaterThan(400);
            assertThat(replayed).hasSameSizeAs(live);
            for (int i = 0; i < live.size(); i++)
                assertThat(replayed.get(i)).as("event %d", i).isEqualTo(live.get(i));
        }
    }

    static List<StoredEvent> all(Recorder rec) throws Exception {
        List<StoredEvent> out = new ArrayList<>();
        long after = 0;
        while (true) {
            List<StoredEvent> page = rec.events().query(EventQuery.all().after(after));
            out.addAll(page);
            if (page.size() < EventQuery.DEFAULT_LIMIT) return out;
            after = page.get(page.size() - 1).seq();
        }
    }
}
