package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vigil.codec.modes.ModeSVectorsTest.hex;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CprResolverTest {
    private static final long S = CprResolver.SECOND;
    // Riddle pair (v-a35f27aeae7b): even/odd of 40621D, decoding to 52.2572 N 3.9194 E
    private static final byte[] EVEN = hex("8D40621D58C382D690C8AC2863A7");
    private static final byte[] ODD = hex("8D40621D58C386435CC412692AD6");

    private static ModeSMessage decode(byte[] f, long t) {
        ModeSMessage m = new ModeSMessage();
        assertThat(ModeSDecoder.decode(f, 0, f.length, t, m)).isTrue();
        return m;
    }

    @Test
    void globalThenLocal() {
        CprResolver r = new CprResolver();
        assertThat(r.resolve(decode(ODD, 100 * S))).isFalse();
        ModeSMessage e = decode(EVEN, 102 * S);
        assertThat(r.resolve(e)).isTrue();
        assertThat(e.lat).isCloseTo(52.2572021484375, within(1e-9));
        assertThat(e.lon).isCloseTo(3.91937255859375, within(1e-9));
        assertThat(r.globalDecodes()).isEqualTo(1);
        assertThat(e.positionSource).isEqualTo(ModeSMessage.POSITION_GLOBAL);
        // the same even frame five minutes later decodes locally (pair too old for global)
        ModeSMessage later = decode(EVEN, 400 * S);
        assertThat(r.resolve(later)).isTrue();
        assertThat(r.localDecodes()).isEqualTo(1);
        assertThat(later.positionSource).isEqualTo(ModeSMessage.POSITION_LOCAL);
        assertThat(later.lat).isCloseTo(52.2572021484375, within(1e-9));
    }

    @Test
    void pairMoreThanTenSecondsApartIsNotUsed() {
        CprResolver r = new CprResolver();
        r.resolve(decode(ODD, 100 * S));
        ModeSMessage e = decode(EVEN, 111 * S);
        assertThat(r.resolve(e)).isFalse();
        assertThat(e.hasPosition()).isFalse();
        assertThat(r.globalDecodes()).isZero();
    }

    @Test
    void badCrcAndParityAddressesAreIgnored() {
        CprResolver r = new CprResolver();
        byte[] bad = EVEN.clone();
        bad[13] ^= 1;
        ModeSMessage m = new ModeSMessage();
        assertThat(ModeSDecoder.decode(bad, 0, 14, S, m)).isFalse();
        assertThat(r.resolve(m)).isFalse();
        assertThat(r.size()).isZero();
    }

    @Test
    void jumpIsRejectedAndStateForgotten() {
        CprResolver r = new CprResolver();
        r.resolve(decode(ODD, 100 * S));
        assertThat(r.resolve(decode(EVEN, 102 * S))).isTrue();
        ModeSMessage m = decode(EVEN, 103 * S);
        m.cprLat = (m.cprLat + 10_000) & 0x1FFFF; // 0.46 degrees (27 NM) north in one second
        // the stored odd frame is 3 s old: global pair would be computed, and it must be refused
        assertThat(r.resolve(m)).isFalse();
        assertThat(r.jumpRejected()).isEqualTo(1);
    }

    @Test
    void latitudeZoneMismatchIsRejected() {
        // find an even/odd pair whose two latitudes fall into different NL zones
        int latEven = 0, latOdd = 0;
        double[] out = new double[2];
        search:
        for (int le = 0; le < 131072; le += 97) {
            for (int lo = 0; lo < 131072; lo += 89) {
                Cpr.pairLatitudes(le, lo, false, out);
                if (Math.abs(out[0]) <= 87 && Math.abs(out[1]) <= 87 && Cpr.nl(out[0]) != Cpr.nl(out[1])) {
                    latEven = le;
                    latOdd = lo;
                    break search;
                }
            }
        }
        assertThat(Cpr.globalAirborne(latEven, 1000, latOdd, 1000, true, out)).isFalse();
        CprResolver r = new CprResolver();
        ModeSMessage e = decode(EVEN, S), o = decode(ODD, 2 * S);
        e.cprLat = latEven;
        o.cprLat = latOdd;
        r.resolve(e);
        assertThat(r.resolve(o)).isFalse();
        assertThat(r.nlMismatchRejected()).isEqualTo(1);
    }

    @Test
    void receiverReferenceGivesTheFirstFixAndGlobalReplacesIt() {
        CprResolver r = new CprResolver().setReceiver(52.0, 4.0);
        ModeSMessage o = decode(ODD, 100 * S);
        assertThat(r.resolve(o)).isTrue();
        assertThat(r.receiverLocalDecodes()).isEqualTo(1);
        assertThat(o.positionSource).isEqualTo(ModeSMessage.POSITION_RECEIVER);
        assertThat(o.lat).isCloseTo(52.26578, within(1e-4));
        ModeSMessage e = decode(EVEN, 101 * S);
        assertThat(r.resolve(e)).isTrue();
        assertThat(r.globalDecodes()).isEqualTo(1);
    }

    @Test
    void surfacePairWithoutAnyReferenceIsCounted() {
        CprResolver r = new CprResolver();
        r.resolve(decode(hex("903A23FF426A38565950432EBF95"), S));
        assertThat(r.resolve(decode(hex("903A23FF426A4E65F7487A775D17"), 2 * S)))
                .isFalse();
        assertThat(r.noReferenceRejected()).isEqualTo(1);
    }

    @Test
    void tableGrowsAndDropsStaleAircraft() {
        CprResolver r = new CprResolver(16);
        ModeSMessage m = decode(EVEN, S);
        for (int i = 0; i < 5000; i++) {
            m.icao = 0x100000 + i;
            m.timeNanos = S;
            r.resolve(m);
        }
        assertThat(r.size()).isEqualTo(5000);
        // twenty minutes later the old ones go at the next growth
        for (int i = 0; i < 5000; i++) {
            m.icao = 0x200000 + i;
            m.timeNanos = 1200 * S;
            r.resolve(m);
        }
        assertThat(r.size()).isBetween(5000, 10_000);
        m.icao = 0x100000;
        m.timeNanos = 1201 * S;
        assertThat(r.resolve(m)).isFalse(); // no stale odd frame pairs with it
    }

    @Test
    void realStreamGivesSmoothTracks() throws Exception {
        // rs1090 short_flights.csv (MIT): 9 aircraft, 60 s
        CprResolver r = new CprResolver();
        Map<Integer, double[]> last = new HashMap<>();
        ModeSMessage m = new ModeSMessage();
        int frames = 0, positioned = 0;
        try (var in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/modes/short_flights.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] p = line.split(",");
                long t = (long) (Double.parseDouble(p[0]) * 1e9);
                byte[] f = hex(p[1].trim());
                frames++;
                assertThat(ModeSDecoder.decode(f, 0, f.length, t, m))
                        .as(line + " " + m.error)
                        .isTrue();
                if (!r.resolve(m)) continue;
                positioned++;
                double[] prev = last.get(m.icao);
                if (prev != null) {
                    double seconds = (t - (long) prev[2]) / 1e9;
                    double nm = Cpr.distanceNm(prev[0], prev[1], m.lat, m.lon);
                    assertThat(nm)
                            .as("%06X moved %.2f NM in %.1f s", m.icao, nm, seconds)
                            .isLessThanOrEqualTo(0.5 + 700 * seconds / 3600);
                }
                last.put(m.icao, new double[] {m.lat, m.lon, t});
            }
        }
        assertThat(frames).isEqualTo(486);
        assertThat(positioned).isGreaterThan(50);
        assertThat(r.jumpRejected()).isZero();
        assertThat(r.nlMismatchRejected()).isZero();
    }
}
