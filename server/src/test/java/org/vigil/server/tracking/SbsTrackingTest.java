package org.vigil.server.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.SbsParser;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.track.Detection;
import org.vigil.core.track.TrackerConfig;
import org.vigil.server.pipeline.ModeSPipeline;

/**
 * SBS (BaseStation, port 30003) reaches the tracker: lines parsed by the real parser, through the
 * Mode S pipeline's decoded-message path (as {@code vigil run --sbs} wires it), give detections
 * with the assumed SBS accuracy, and a confirmed track.
 */
class SbsTrackingTest {
    static final long T0 = 1_650_445_200_000_000_000L; // 2022-04-20T09:00:00Z

    static String line(int type, long ms, String callsign, String alt, double lat, double lon, String squawk) {
        long s = (ms / 1000) % 86_400;
        String time =
                String.format(java.util.Locale.ROOT, "%02d:%02d:%02d.%03d", s / 3600, s / 60 % 60, s % 60, ms % 1000);
        String latLon = Double.isNaN(lat) ? "," : String.format(java.util.Locale.ROOT, "%.5f,%.5f", lat, lon);
        return "MSG," + type + ",1,1,4BA9C1,1,2022/04/20," + time + ",2022/04/20," + time + "," + callsign + "," + alt
                + ",,," + latLon + ",," + squawk + ",,,,0\r\n";
    }

    @Test
    void sbsPositionsBecomeDetectionsWithTheAssumedAccuracy() {
        ModeSDetections a = new ModeSDetections(TrackingPipeline.ADSB_SENSOR_ID);
        Detection d = new Detection();
        Detection[] got = new Detection[1];
        SbsParser parser = new SbsParser(
                new FeedCounters(),
                m -> {
                    if (a.toDetection(m, d)) got[0] = new Detection().copyFrom(d);
                },
                true,
                0);
        long ms = T0 / 1_000_000;
        feed(parser, line(1, ms, "THY1TK", "", Double.NaN, 0, ""));
        feed(parser, line(6, ms + 100, "", "", Double.NaN, 0, "7700"));
        feed(parser, line(3, ms + 500, "", "35000", 43.12345, 28.54321, ""));
        assertThat(got[0]).isNotNull();
        assertThat(got[0].latDeg).isEqualTo(43.12345);
        assertThat(got[0].horizontalSigmaMetres).isEqualTo(ModeSDetections.RECEIVER_DECODED_SIGMA_METRES);
        assertThat(got[0].altitudeMetres).isCloseTo(35_000 * 0.3048, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(got[0].mode3A).isEqualTo(07700);
        assertThat(got[0].callsign).isEqualTo(org.vigil.core.Callsigns.pack("THY1TK"));
        assertThat(got[0].timeNanos).isEqualTo(T0 + 500_000_000L);
        // the same line again from a second receiver: one fix, not two
        got[0] = null;
        feed(parser, line(3, ms + 520, "", "35000", 43.12345, 28.54321, ""));
        assertThat(got[0]).isNull();
        assertThat(a.rejected(ModeSDetections.Reason.DUPLICATE)).isEqualTo(1);
        // a stated NACp (CAT021 I021/090) is used instead of the assumption
        ModeSMessage m = new ModeSMessage();
        m.timeNanos = T0 + 2_000_000_000L;
        m.icao = 0x4BA9C1;
        m.crcOk = true;
        m.lat = 43.2;
        m.lon = 28.6;
        m.nacP = 9;
        assertThat(a.toDetection(m, d)).isTrue();
        assertThat(d.horizontalSigmaMetres).isCloseTo(12.26, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void anSbsOnlyFeedGivesAConfirmedTrack() {
        ModeSPipeline modeS = new ModeSPipeline();
        TrackingPipeline tracking = TrackingPipeline.startingWhereDataIs(new TrackerConfig(), null);
        modeS.setDecodedListener(tracking::onDecoded);
        SbsParser parser = new SbsParser(new FeedCounters(), modeS, true, 0);
        long ms = T0 / 1_000_000;
        feed(parser, line(1, ms, "THY1TK", "", Double.NaN, 0, ""));
        for (int i = 0; i < 60; i++) { // 30 s at 2 Hz, 230 m/s northwards
            double lat = 43.0 + i * 115 / 111_195.0;
            feed(parser, line(3, ms + 500L * i, "", "35000", lat, 28.5, ""));
        }
        tracking.finish();
        List<SystemTrackView> tracks = tracking.views(true);
        assertThat(tracks).hasSize(1);
        assertThat(tracks.get(0).icao()).isEqualTo("4BA9C1");
        int aircraft = modeS.withTable(t -> t.size());
        assertThat(aircraft).isEqualTo(1);
        assertThat(tracking.stats().reportDetections()).isEqualTo(60);
    }

    private static void feed(SbsParser p, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        p.accept(b, 0, b.length, T0);
    }
}
