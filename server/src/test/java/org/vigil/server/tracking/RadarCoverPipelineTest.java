package org.vigil.server.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.geo.Units;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.track.SystemTrack;
import org.vigil.core.track.TrackListener;
import org.vigil.core.track.TrackStatus;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.recording.RecordingManifest;
import org.vigil.server.replay.ReplayFiles;
import org.vigil.server.replay.ReplaySinks;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;
import org.vigil.server.sim.SimRunner;

/**
 * Issue #14: a radar site's instrumented range reaches the tracker through the server's pipeline
 * (simulation manifest → {@link ReplayFiles} → {@link TrackingPipeline}; {@link SimFeed#site} for
 * live simulation; {@code recording.json}), so a track whose aircraft flies out of the only radar's
 * cover ends after one missed scan instead of coasting for five.
 */
class RadarCoverPipelineTest {
    /**
     * One Mode S radar (60 NM, 5 s), no ADS-B; one airliner flying east out of its cover after about
     * 7 min, another staying in it.
     */
    static final String SCENARIO = """
            name: out-of-cover
            start: 2022-04-20T09:00:00Z
            duration: 12m
            seed: 14
            area: {south: 42.0, north: 45.0, west: 26.0, east: 32.0}
            truth-interval: 1s
            radars:
              - {name: Varna, sac: 10, sic: 2, position: [43.320, 27.880], height: 300, range: 60, rotation: 5s,
                 pd: 0.98, range-noise: 50, azimuth-noise: 0.08, primary: true, secondary: mode-s, clutter: 0}
            receivers: []
            flights:
              - {callsign: OUT1, icao: 4B1401, type: A320, squawk: "1401", adsb: false, flight-plan: false,
                 route: [[43.40, 28.00], [43.40, 31.00]], altitude: FL300, speed: 450}
              # stays in cover, so that data time goes on after the airliner has left
              - {callsign: IN2, icao: 4B1402, type: A320, squawk: "1402", adsb: false, flight-plan: false,
                 route: [[43.00, 27.60], [43.60, 27.60], [43.00, 27.60], [43.60, 27.60]], altitude: FL200, speed: 400}
            """;

    @TempDir
    static Path dir;

    static ReplayFiles files;

    @BeforeAll
    static void simulate() throws Exception {
        SimRunner.run(ScenarioLoader.parse(SCENARIO, "out-of-cover.yaml"), dir, 12 * 60.0, null);
        files = ReplayFiles.open(dir);
    }

    /** Seconds between the airliner's last update and its track's end, replayed with these radar sites. */
    static double coastAtTheEnd(List<RadarSite> sites) throws Exception {
        List<double[]> ends = new ArrayList<>();
        TrackListener listener = new TrackListener() {
            @Override
            public void deleted(SystemTrack t, long timeNanos) {
                if (t.status() == TrackStatus.CONFIRMED && t.icao() == 0x4B1401)
                    ends.add(new double[] {(timeNanos - t.lastUpdateNanos()) / 1e9});
            }
        };
        TrackingPipeline pipeline =
                new TrackingPipeline(TrackingPipeline.centreOn(new TrackerConfig(), sites), listener, sites);
        files.run(ReplaySinks.none().withFrames(pipeline).withPlots(pipeline).withMessages(pipeline::onDecoded));
        pipeline.finish();
        assertThat(ends).as("one track for the airliner, ended").hasSize(1);
        return ends.get(0)[0];
    }

    @Test
    void theSimulatedRadarStatesItsRangeEverywhereASiteIsMade() throws Exception {
        assertThat(files.radars()).hasSize(1);
        RadarSite site = files.radars().get(0);
        assertThat(site.rangeMetres()).isEqualTo(60 * Units.NM);
        assertThat(SimFeed.site(ScenarioLoader.parse(SCENARIO, "x.yaml")
                                .radars()
                                .get(0))
                        .rangeMetres())
                .isEqualTo(60 * Units.NM);
        // a recording keeps it; one written before it was stored reads "not stated"
        RecordingManifest.of(List.of(site), "out-of-cover").write(dir.resolve("rec"));
        assertThat(RecordingManifest.read(dir.resolve("rec")).radars().get(0).rangeMetres())
                .isEqualTo(60 * Units.NM);
        java.nio.file.Files.writeString(
                dir.resolve("rec").resolve(RecordingManifest.FILE),
                java.nio.file.Files.readString(dir.resolve("rec").resolve(RecordingManifest.FILE))
                        .replaceAll(",\\s*\"rangeMetres\"\\s*:\\s*[0-9.E]+", ""));
        RadarSite old = RecordingManifest.read(dir.resolve("rec")).radars().get(0);
        assertThat(old.rangeStated()).isFalse();
        assertThat(old.name()).isEqualTo("Varna");
    }

    @Test
    void aTrackFlyingOutOfTheStatedCoverEndsAfterOneMissedScan() throws Exception {
        RadarSite s = files.radars().get(0);
        RadarSite unstated = s.withRange(0);
        double stated = coastAtTheEnd(files.radars());
        double notStated = coastAtTheEnd(List.of(unstated));
        System.out.printf("out of cover: coasted %.1f s with the range stated, %.1f s without%n", stated, notStated);
        // 5 s scans: one and a half scans (7.5 s) and the 1 km margin beyond the range (slant range for
        // the simulator, ground range for the tracker: 0.4 km less at FL300), against 5 scans of coasting
        assertThat(stated).isLessThan(18);
        assertThat(notStated).isGreaterThan(24);
    }
}
