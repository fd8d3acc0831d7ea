package org.vigil.server.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.codec.modes.AdsbEncoder;
import org.vigil.codec.modes.Crc24;
import org.vigil.core.sim.Scenario;
import org.vigil.server.picture.Picture;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;

/**
 * Mode S surveillance replies (DF4/5/20/21) arrive as address, altitude and code evidence on the
 * radar track of their address through the whole server path (issue 13): frame bytes into
 * {@link Picture#acceptFrame}, the Mode S pipeline's decoder and de-duplicator, its decoded listener,
 * {@link TrackingPipeline} and the tracker, read back from the published track views. The aircraft
 * has no ADS-B out, so nothing else could change its track's altitude or code between two scans.
 */
class ModeSReplyPipelineTest {
    static final long S = 1_000_000_000L;
    static final int ICAO = 0x4CA123;

    static Scenario scenario() throws Exception {
        try (InputStream in = ModeSReplyPipelineTest.class.getResourceAsStream("/tracking/mode-s-replies.yaml")) {
            return ScenarioLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "mode-s-replies.yaml");
        }
    }

    /** A DF20 (altitude) or DF21 (identity) Comm-B reply: the DF4/5 header with an empty MB and its own AP. */
    static byte[] commB(int df, byte[] short7) {
        byte[] f = new byte[AdsbEncoder.LONG_FRAME_BYTES];
        System.arraycopy(short7, 0, f, 0, 4);
        f[0] = (byte) (df << 3 | (f[0] & 7));
        int ap = Crc24.remainder(f, 0, 11) ^ ICAO;
        f[11] = (byte) (ap >>> 16);
        f[12] = (byte) (ap >>> 8);
        f[13] = (byte) ap;
        return f;
    }

    static long used(Picture p) {
        return p.tracking().withTracker(tr -> tr.modeSRepliesUsed());
    }

    static long ignored(Picture p) {
        return p.tracking().withTracker(tr -> tr.modeSRepliesIgnored());
    }

    static SystemTrackView track(Picture p) {
        List<SystemTrackView> views = p.tracking().views(true);
        return views.stream().filter(v -> "4CA123".equals(v.icao())).findFirst().orElse(null);
    }

    @Test
    void df4520And21RepliesGiveTheRadarTrackItsAltitudeAndCode() throws Exception {
        Scenario sc = scenario();
        Picture picture = Picture.builder(null).build();
        SimFeed feed = new SimFeed(sc, picture.radarSink());
        long start = sc.startEpochSeconds() * S;
        double t = 1;
        for (; t <= 90; t += 1) {
            feed.advanceTo(
                    t, (buf, off, len, nanos, mlat, signal) -> picture.acceptFrame(-1, buf, off, len, nanos, signal));
            picture.housekeeping();
        }
        assertThat(feed.simulation().flights()).hasSize(1);
        SystemTrackView before = track(picture);
        assertThat(before)
                .as("a confirmed radar track with the Mode S address of its plots")
                .isNotNull();
        assertThat(before.status()).isEqualTo("confirmed");
        assertThat(before.sensors()).containsExactly("Varna");
        assertThat(before.squawk()).isEqualTo("1234");
        assertThat(before.altitudeFt()).isBetween(29_900, 30_100);
        long used0 = used(picture);
        long frames0 = picture.modeS().stats().decodedFrames();

        // between two scans (5 s rotation): the replies to other interrogators, as a receiver hears them
        long at = start + (long) (t * S) - S / 2;
        byte[] f = new byte[AdsbEncoder.SHORT_FRAME_BYTES];
        AdsbEncoder.altitudeReply(f, 0, ICAO, 0, 0, 0, 30_200); // DF4: 200 ft higher than the plots said
        assertThat(picture.acceptFrame(-1, f, 0, f.length, at, 200)).isNull();
        SystemTrackView afterDf4 = track(picture);
        assertThat(afterDf4.altitudeFt()).as("DF4 altitude on the track").isGreaterThan(before.altitudeFt());

        AdsbEncoder.identityReply(f, 0, ICAO, 0, 0, 0, 7700); // DF5: a new code (four octal digits as written)
        assertThat(picture.acceptFrame(-1, f, 0, f.length, at + S / 10, 200)).isNull();
        assertThat(track(picture).squawk()).as("DF5 code on the track").isEqualTo("7700");

        byte[] df4 = new byte[AdsbEncoder.SHORT_FRAME_BYTES];
        AdsbEncoder.altitudeReply(df4, 0, ICAO, 0, 0, 0, 30_400);
        byte[] df20 = commB(20, df4); // DF20: the altitude again, higher still
        assertThat(picture.acceptFrame(-1, df20, 0, df20.length, at + 2 * S / 10, 200))
                .isNull();
        assertThat(track(picture).altitudeFt()).as("DF20 altitude on the track").isGreaterThan(afterDf4.altitudeFt());

        byte[] df5 = new byte[AdsbEncoder.SHORT_FRAME_BYTES];
        AdsbEncoder.identityReply(df5, 0, ICAO, 0, 0, 0, 7600);
        byte[] df21 = commB(21, df5); // DF21: another code
        assertThat(picture.acceptFrame(-1, df21, 0, df21.length, at + 3 * S / 10, 200))
                .isNull();
        assertThat(track(picture).squawk()).as("DF21 code on the track").isEqualTo("7600");

        assertThat(picture.modeS().stats().decodedFrames()).isEqualTo(frames0 + 4);
        assertThat(used(picture)).isEqualTo(used0 + 4);

        // a reply from an address no radar track carries: decoded, but no evidence for any track
        AdsbEncoder.altitudeReply(f, 0, 0x3C6544, 0, 0, 0, 30_000);
        long ignored0 = ignored(picture);
        assertThat(picture.acceptFrame(-1, f, 0, f.length, at + 4 * S / 10, 200))
                .isNull();
        assertThat(ignored(picture)).isEqualTo(ignored0 + 1);
        assertThat(used(picture)).isEqualTo(used0 + 4);
        assertThat(track(picture).squawk()).isEqualTo("7600");
    }
}
