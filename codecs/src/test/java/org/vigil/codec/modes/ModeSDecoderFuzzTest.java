package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Arbitrary bytes at arbitrary offsets and lengths into the decoder and the CPR resolver: no
 * exception escapes, a false result always names its reason, and positions stay on the globe.
 */
class ModeSDecoderFuzzTest {
    private final ModeSMessage m = new ModeSMessage();
    private final CprResolver resolver = new CprResolver(16).setReceiver(50.0, 5.0);

    @FuzzTest(maxDuration = "30s")
    void anyBytes(FuzzedDataProvider in) {
        int off = in.consumeInt(-2, 4);
        int len = in.consumeInt(-1, 16);
        long t = in.consumeLong(0, 1L << 40);
        boolean fixParity = in.consumeBoolean();
        byte[] buf = in.consumeRemainingAsBytes();
        if (fixParity && off >= 0 && len >= 7 && off + len <= buf.length) {
            // make DF17/18-style parity check so the ME decoders and the resolver are reached
            int p = Crc24.remainder(buf, off, len - 3);
            buf[off + len - 3] = (byte) (p >>> 16);
            buf[off + len - 2] = (byte) (p >>> 8);
            buf[off + len - 1] = (byte) p;
        }
        boolean ok = ModeSDecoder.decode(buf, off, len, t, m);
        if (!ok) assertThat(m.error).isNotNull();
        if (resolver.resolve(m)) {
            assertThat(m.lat).isBetween(-90.0, 90.0);
            assertThat(m.lon).isBetween(-180.0, 180.0);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void anyCprValues(FuzzedDataProvider in) {
        int le = in.consumeInt(0, 131071), ne = in.consumeInt(0, 131071);
        int lo = in.consumeInt(0, 131071), no = in.consumeInt(0, 131071);
        boolean odd = in.consumeBoolean();
        double refLat = in.consumeRegularDouble(-90, 90), refLon = in.consumeRegularDouble(-180, 180);
        double[] out = new double[2];
        if (Cpr.globalAirborne(le, ne, lo, no, odd, out)) checkOnGlobe(out);
        if (Cpr.globalSurface(le, ne, lo, no, odd, refLat, refLon, out)) checkOnGlobe(out);
        Cpr.local(le, ne, odd, in.consumeBoolean(), refLat, refLon, out);
        assertThat(out[1]).isBetween(-180.0, 180.0);
    }

    private static void checkOnGlobe(double[] out) {
        assertThat(out[0]).isBetween(-90.0, 90.0);
        assertThat(out[1]).isBetween(-180.0, 180.0);
    }
}
