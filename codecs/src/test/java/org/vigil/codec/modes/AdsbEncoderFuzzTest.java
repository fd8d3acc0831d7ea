package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any in-domain input: the encoder never throws, the frame checks, and our decoder gives the
 * values back within the field resolution (tolerances as in {@link AdsbEncoderRoundTripTest}).
 */
class AdsbEncoderFuzzTest {
    private static final byte[] EVEN = new byte[14];
    private static final byte[] ODD = new byte[14];
    private static final ModeSMessage M = new ModeSMessage();
    private static final ModeSMessage M_ODD = new ModeSMessage();
    private static final double[] POS = new double[2];

    @FuzzTest(maxDuration = "30s")
    void positionPairsComeBack(FuzzedDataProvider data) {
        int icao = data.consumeInt(0, 0xFFFFFF);
        double lat = data.consumeRegularDouble(-90, 90);
        double lon = data.consumeRegularDouble(-1000, 1000);
        int alt = data.consumeInt(-2000, 130_000);
        int nic = data.consumeInt(0, 11);
        int ss = data.consumeInt(0, 3);
        boolean oddLatest = data.consumeBoolean();
        AdsbEncoder.airbornePosition(EVEN, 0, icao, lat, lon, alt, false, nic, ss);
        AdsbEncoder.airbornePosition(ODD, 0, icao, lat, lon, alt, true, nic, ss);
        assertThat(ModeSDecoder.decode(EVEN, 0, 14, 0, M)).isTrue();
        assertThat(ModeSDecoder.decode(ODD, 0, 14, 0, M_ODD)).isTrue();
        assertThat(M.icao).isEqualTo(icao);
        if (alt < -1250 || alt >= 126_750) {
            assertThat(M.altitudeFt).isEqualTo(ModeSMessage.ABSENT);
        } else {
            assertThat(M.altitudeFt).isCloseTo(alt, offset(alt > 50_175 || alt < -1012 ? 50 : 12));
        }
        if (Cpr.globalAirborne(M.cprLat, M.cprLon, M_ODD.cprLat, M_ODD.cprLon, oddLatest, POS)) {
            int i = oddLatest ? 1 : 0;
            assertThat(POS[0]).isCloseTo(lat, offset(360.0 / (60 - i) / 262144.0 + 1e-9));
            double d = Math.abs(POS[1] - lon) % 360.0;
            d = Math.min(d, 360.0 - d);
            assertThat(d).isLessThanOrEqualTo(360.0 / Math.max(CprEncoder.nl(POS[0]) - i, 1) / 262144.0 + 1e-9);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void velocitiesComeBack(FuzzedDataProvider data) {
        double gs = data.consumeRegularDouble(0, 5000);
        double trk = data.consumeRegularDouble(-720, 720);
        int vr = data.consumeInt(-40_000, 40_000);
        int diff = data.consumeInt(-4_000, 4_000);
        AdsbEncoder.groundVelocity(EVEN, 0, 0xABCDEF, gs, trk, vr, data.consumeInt(0, 1), diff, data.consumeInt(0, 7));
        assertThat(ModeSDecoder.decode(EVEN, 0, 14, 0, M)).isTrue();
        assertThat(M.verticalRateFpm).isCloseTo(Math.max(-32_640, Math.min(32_640, vr)), offset(32));
        assertThat(M.geoMinusBaroFt).isCloseTo(Math.max(-3_150, Math.min(3_150, diff)), offset(13));
        double t = Math.toRadians(trk);
        double vew = Math.abs(gs * Math.sin(t)), vns = Math.abs(gs * Math.cos(t));
        if (vew <= 4_000 && vns <= 4_000) {
            boolean fast = Math.round(vew) > 1021 || Math.round(vns) > 1021;
            assertThat(M.velocitySubtype).isEqualTo(fast ? 2 : 1);
            assertThat(M.groundspeedKt).isCloseTo(gs, offset((fast ? 2.0 : 0.5) * Math.sqrt(2) + 1e-9));
        }

        double as = data.consumeRegularDouble(0, 5000);
        double hdg = data.consumeRegularDouble(-720, 720);
        AdsbEncoder.airVelocity(ODD, 0, 0xABCDEF, as, data.consumeBoolean(), hdg, vr, 1, diff, 0);
        assertThat(ModeSDecoder.decode(ODD, 0, 14, 0, M)).isTrue();
        if (as <= 4_000) {
            assertThat(M.airspeedKt).isCloseTo(as, offset(Math.round(as) > 1021 ? 2.0 : 0.5));
        }
        double h = Math.abs(M.headingDeg - ((hdg % 360) + 360) % 360) % 360.0;
        assertThat(Math.min(h, 360 - h)).isLessThanOrEqualTo(360.0 / 2048 + 1e-9);
    }
}
