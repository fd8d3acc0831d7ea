package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opensky.libadsb.Position;
import org.opensky.libadsb.msgs.AirbornePositionV0Msg;
import org.vigil.core.Callsigns;
import org.vigil.core.aircraft.Emergency;

/**
 * Encode, then decode with our {@link ModeSDecoder} and {@link Cpr}, and get the inputs back
 * within the resolution of each field. Random inputs use fixed seeds, so a failure repeats.
 *
 * <p>Tolerances (half a quantisation step unless said otherwise):
 * <ul>
 * <li>airborne CPR (17 bit): latitude Dlat / 2^18 = 2.29e-5 deg (even, 2.5 m) or 2.33e-5 deg (odd);
 *     longitude (360 / max(NL - i, 1)) / 2^18, e.g. 3.3e-5 deg at 45 N: zone dependent</li>
 * <li>surface CPR (19 bit): a quarter of the airborne values</li>
 * <li>altitude: 12 ft (25 ft steps, integer input) up to 50175 ft, 50 ft (Gillham) above</li>
 * <li>velocity components 0.5 kt (2 kt supersonic), so ground speed within 0.71 kt (2.83 kt)
 *     and track within atan(0.71 / gs); heading 360/2048 deg; vertical rate 32 fpm;
 *     GNSS - baro 12.5 ft</li>
 * <li>surface movement: the decoded speed is the lower bound of the step that holds the input</li>
 * </ul>
 */
class AdsbEncoderRoundTripTest {
    private static final double TWO_POW_18 = 262144.0;

    private final byte[] even = new byte[14];
    private final byte[] odd = new byte[14];
    private final ModeSMessage m = new ModeSMessage();
    private final ModeSMessage mOdd = new ModeSMessage();
    private final double[] pos = new double[2];

    // ------------------------------------------------------------------ airborne position

    /** Encodes a stationary even/odd pair, decodes it globally; false when the pair straddles an NL boundary. */
    private boolean airborneRoundTrip(int icao, double lat, double lon, int alt, boolean oddLatest) {
        AdsbEncoder.airbornePosition(even, 0, icao, lat, lon, alt, false, AdsbEncoder.DEFAULT_NIC, 0);
        AdsbEncoder.airbornePosition(odd, 0, icao, lat, lon, alt, true, AdsbEncoder.DEFAULT_NIC, 0);
        assertThat(ModeSDecoder.decode(even, 0, 14, 1, m)).isTrue();
        assertThat(ModeSDecoder.decode(odd, 0, 14, 2, mOdd)).isTrue();
        assertThat(m.crcOk).isTrue();
        assertThat(m.icao).isEqualTo(icao);
        assertThat(m.tc).isEqualTo(11);
        assertThat(m.cprFormat).isZero();
        assertThat(mOdd.cprFormat).isOne();
        return Cpr.globalAirborne(m.cprLat, m.cprLon, mOdd.cprLat, mOdd.cprLon, oddLatest, pos);
    }

    private static double lonError(double a, double b) {
        double d = Math.abs(a - b) % 360.0;
        return Math.min(d, 360.0 - d);
    }

    private void assertAirbornePosition(double lat, double lon, boolean oddLatest) {
        int i = oddLatest ? 1 : 0;
        double dlat = 360.0 / (60 - i);
        assertThat(pos[0]).as("lat of %s,%s", lat, lon).isCloseTo(lat, offset(dlat / TWO_POW_18 + 1e-9));
        double dlon = 360.0 / Math.max(CprEncoder.nl(pos[0]) - i, 1);
        assertThat(lonError(pos[1], lon))
                .as("lon error of %s,%s", lat, lon)
                .isLessThanOrEqualTo(dlon / TWO_POW_18 + 1e-9);
    }

    @Test
    void randomAirbornePositionsComeBackWithinCprResolution() {
        SplittableRandom r = new SplittableRandom(20261128);
        int decoded = 0, straddled = 0;
        for (int k = 0; k < 20_000; k++) {
            double lat = -90 + 180 * r.nextDouble();
            double lon = -180 + 360 * r.nextDouble();
            int alt = r.nextInt(-1000, 50176);
            boolean oddLatest = r.nextBoolean();
            if (airborneRoundTrip(r.nextInt(1 << 24), lat, lon, alt, oddLatest)) {
                decoded++;
                assertAirbornePosition(lat, lon, oddLatest);
            } else {
                straddled++;
                // a rejection is only legitimate when the two frames really fall in different NL bands
                assertThat(straddles(lat)).as("rejected pair at %s", lat).isTrue();
            }
            assertThat(m.altitudeFt).isCloseTo(alt, offset(12));
        }
        assertThat(decoded).isGreaterThan(19_000);
        assertThat(straddled).isLessThan(1_000);
    }

    /**
     * true when the even and odd reconstructed latitudes of a position have different NL.
     */
    private static boolean straddles(double lat) {
        double rlatE = rlat(lat, 6.0), rlatO = rlat(lat, 360.0 / 59);
        return CprEncoder.nl(rlatE) != CprEncoder.nl(rlatO) || Math.abs(rlatE) > 90 || Math.abs(rlatO) > 90;
    }

    private static double rlat(double lat, double dlat) {
        double yz = Math.floor(131072 * (lat - dlat * Math.floor(lat / dlat)) / dlat + 0.5);
        return dlat * (yz / 131072 + Math.floor(lat / dlat));
    }

    @Test
    void positionsNextToEveryNlBoundary() {
        // 1e-4 deg (11 m) either side of each transition: both frames land on the same side then
        for (int nl = 2; nl <= 59; nl++) {
            double t = CprEncoder.transitionLatitude(nl);
            for (double lat : new double[] {t - 1e-4, t + 1e-4, -t + 1e-4, -t - 1e-4}) {
                for (double lon : new double[] {0.0, 27.123456, -179.99999, 179.99999, 90.0}) {
                    for (boolean oddLatest : new boolean[] {false, true}) {
                        if (airborneRoundTrip(0x4A1234, lat, lon, 35000, oddLatest)) {
                            assertAirbornePosition(lat, lon, oddLatest);
                        } else {
                            assertThat(straddles(lat)).isTrue();
                        }
                    }
                }
            }
        }
    }

    @Test
    void polarLatitudesAndTheAntimeridian() {
        double[] lats = {86.9, 86.99999, 87.0, 87.00001, 87.5, 89.9, -86.99999, -87.0, -87.5, -89.9, 0.0, 1e-9};
        double[] lons = {-180.0, 180.0, 179.99999, -179.99999, 0.0, -0.00001};
        for (double lat : lats) {
            for (double lon : lons) {
                for (boolean oddLatest : new boolean[] {false, true}) {
                    if (airborneRoundTrip(0x450001, lat, lon, 1000, oddLatest)) {
                        assertAirbornePosition(lat, lon, oddLatest);
                    } else {
                        assertThat(straddles(lat)).as("rejected %s", lat).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void libadsbDecodesOurPairsToTheSamePlace() {
        // an independent decoder (OpenSky libadsb) as a second oracle for the CPR encoding
        SplittableRandom r = new SplittableRandom(7);
        int compared = 0;
        for (int k = 0; k < 2_000; k++) {
            double lat = 40 + 7 * r.nextDouble();
            double lon = 22 + 13 * r.nextDouble();
            if (!airborneRoundTrip(0x4B0000 + k, lat, lon, 30000, false)) continue;
            try {
                AirbornePositionV0Msg e = new AirbornePositionV0Msg(even.clone());
                AirbornePositionV0Msg o = new AirbornePositionV0Msg(odd.clone());
                Position p = e.getGlobalPosition(o);
                assertThat(p.getLatitude()).isCloseTo(lat, offset(360.0 / 59 / TWO_POW_18 + 1e-9));
                assertThat(p.getLongitude())
                        .isCloseTo(lon, offset(360.0 / (CprEncoder.nl(lat) - 1) / TWO_POW_18 + 1e-9));
                assertThat(e.getAltitude()).isEqualTo(30000);
                compared++;
            } catch (Exception ex) {
                throw new AssertionError("libadsb rejected our frame", ex);
            }
        }
        assertThat(compared).isGreaterThan(1_900);
    }

    @Test
    void negativeAndHighAltitudes() {
        for (int alt : new int[] {-1000, -987, -25, 0, 12, 50175, 50200, 60000, 99_999, 126_700}) {
            AdsbEncoder.airbornePosition(even, 0, 0x111111, 45, 25, alt, false, 8, 0);
            assertThat(ModeSDecoder.decode(even, 0, 14, 0, m)).isTrue();
            assertThat(m.altitudeFt).as("altitude %d", alt).isCloseTo(alt, offset(alt > 50175 ? 50 : 12));
            AdsbEncoder.altitudeReply(even, 0, 0x111111, 0, 0, 0, alt);
            assertThat(ModeSDecoder.decode(even, 0, 7, 0, m)).isTrue();
            assertThat(m.icao).isEqualTo(0x111111);
            assertThat(m.altitudeFt).as("DF4 altitude %d", alt).isCloseTo(alt, offset(alt > 50175 ? 50 : 12));
        }
        AdsbEncoder.airbornePosition(even, 0, 0x111111, 45, 25, ModeSMessage.ABSENT, false, 8, 0);
        ModeSDecoder.decode(even, 0, 14, 0, m);
        assertThat(m.altitudeFt).isEqualTo(ModeSMessage.ABSENT);
    }

    @Test
    void surveillanceStatusNicAndFormat() {
        for (int nic = 0; nic <= 11; nic++) {
            for (int ss = 0; ss < 4; ss++) {
                AdsbEncoder.airbornePosition(even, 0, 0x222222, 42, 27, 20000, true, nic, ss);
                assertThat(ModeSDecoder.decode(even, 0, 14, 0, m)).isTrue();
                assertThat(m.tc).isEqualTo(AdsbEncoder.airborneTypeCodeFor(nic));
                assertThat(m.surveillanceStatus).isEqualTo(ss);
                // the decoder reads NIC without supplements: 9 reads as 8, 3 as 2
                int expected = nic == 9 ? 8 : nic == 3 ? 2 : nic;
                assertThat(m.nic).isEqualTo(expected);
                assertThat(m.cprFormat).isOne();
                assertThat(m.timeFlag).isZero();
            }
        }
    }

    // ------------------------------------------------------------------ surface position

    @Test
    void randomSurfacePositionsComeBackWithinCprResolution() {
        SplittableRandom r = new SplittableRandom(5);
        int decoded = 0;
        for (int k = 0; k < 10_000; k++) {
            double lat = -86 + 172 * r.nextDouble();
            double lon = -180 + 360 * r.nextDouble();
            double gs = r.nextDouble() * 200;
            double trk = r.nextDouble() * 360;
            boolean oddLatest = r.nextBoolean();
            AdsbEncoder.surfacePosition(even, 0, 0x333333, lat, lon, gs, trk, false, 11);
            AdsbEncoder.surfacePosition(odd, 0, 0x333333, lat, lon, gs, trk, true, 11);
            assertThat(ModeSDecoder.decode(even, 0, 14, 0, m)).isTrue();
            assertThat(ModeSDecoder.decode(odd, 0, 14, 0, mOdd)).isTrue();
            assertThat(m.surface).isTrue();
            assertThat(m.tc).isEqualTo(5);
            // the reference (receiver) is within a few degrees
            double refLat = lat + 2 * r.nextDouble() - 1, refLon = lon + 2 * r.nextDouble() - 1;
            if (!Cpr.globalSurface(m.cprLat, m.cprLon, mOdd.cprLat, mOdd.cprLon, oddLatest, refLat, refLon, pos)) {
                continue;
            }
            decoded++;
            int i = oddLatest ? 1 : 0;
            assertThat(pos[0]).isCloseTo(lat, offset(90.0 / (60 - i) / TWO_POW_18 + 1e-9));
            double dlon = 90.0 / Math.max(CprEncoder.nl(pos[0]) - i, 1);
            assertThat(lonError(pos[1], lon)).isLessThanOrEqualTo(dlon / TWO_POW_18 + 1e-9);
            if (gs < 175) {
                assertThat(m.groundspeedKt).isLessThanOrEqualTo(gs);
                assertThat(gs - m.groundspeedKt).isLessThan(gs < 100 ? 2.0001 : 5.0001);
            } else {
                assertThat(m.groundspeedKt).isEqualTo(175.0);
            }
            assertThat(lonError(m.trackDeg, trk)).isLessThanOrEqualTo(360.0 / 256 + 1e-9);
        }
        assertThat(decoded).isGreaterThan(9_500);
    }

    // ------------------------------------------------------------------ velocity

    @Test
    void randomGroundVelocities() {
        SplittableRandom r = new SplittableRandom(19);
        for (int k = 0; k < 20_000; k++) {
            boolean supersonic = k % 10 == 0;
            double gs = supersonic ? 1100 + r.nextDouble() * 2500 : 50 + r.nextDouble() * 950;
            double trk = r.nextDouble() * 360;
            int vr = r.nextInt(-32_000, 32_001);
            int diff = r.nextInt(-3_100, 3_101);
            int src = r.nextInt(2);
            int nacV = r.nextInt(5);
            AdsbEncoder.groundVelocity(even, 0, 0x444444, gs, trk, vr, src, diff, nacV);
            assertThat(ModeSDecoder.decode(even, 0, 14, 0, m)).isTrue();
            assertThat(m.tc).isEqualTo(19);
            // subtype 2 only when a component (not the speed) exceeds what 10 bits of 1 kt carry
            double vew = gs * Math.sin(Math.toRadians(trk)), vns = gs * Math.cos(Math.toRadians(trk));
            boolean fast = Math.round(Math.abs(vew)) > 1021 || Math.round(Math.abs(vns)) > 1021;
            assertThat(m.velocitySubtype).isEqualTo(fast ? 2 : 1);
            double compTol = 0.5 * (fast ? 4 : 1);
            assertThat(m.groundspeedKt).isCloseTo(gs, offset(compTol * Math.sqrt(2) + 1e-9));
            assertThat(lonError(m.trackDeg, trk))
                    .isLessThanOrEqualTo(Math.toDegrees(Math.asin(compTol * Math.sqrt(2) / gs)) + 1e-9);
            assertThat(m.verticalRateFpm).isCloseTo(vr, offset(32));
            assertThat(m.vrSource).isEqualTo(src);
            assertThat(m.geoMinusBaroFt).isCloseTo(diff, offset(13));
            assertThat(m.nacV).isEqualTo(nacV);
        }
    }

    @Test
    void velocityFieldsSaturateAndAbsentStaysAbsent() {
        AdsbEncoder.groundVelocity(
                even, 0, 0x444444, Double.NaN, Double.NaN, ModeSMessage.ABSENT, 0, ModeSMessage.ABSENT, 0);
        ModeSDecoder.decode(even, 0, 14, 0, m);
        assertThat(m.groundspeedKt).isNaN();
        assertThat(m.verticalRateFpm).isEqualTo(ModeSMessage.ABSENT);
        assertThat(m.geoMinusBaroFt).isEqualTo(ModeSMessage.ABSENT);

        AdsbEncoder.groundVelocity(even, 0, 0x444444, 500, 90, 60_000, 1, -9_000, 0);
        ModeSDecoder.decode(even, 0, 14, 0, m);
        assertThat(m.verticalRateFpm).isEqualTo(510 * 64); // top code: "more than 32608 fpm"
        assertThat(m.geoMinusBaroFt).isEqualTo(-126 * 25);
        assertThat(m.groundspeedKt).isCloseTo(500, offset(0.5));

        // exactly at the subsonic limit and just above
        AdsbEncoder.groundVelocity(even, 0, 0x444444, 1021, 0, 0, 0, 0, 0);
        ModeSDecoder.decode(even, 0, 14, 0, m);
        assertThat(m.velocitySubtype).isEqualTo(1);
        assertThat(m.groundspeedKt).isEqualTo(1021.0);
        AdsbEncoder.groundVelocity(even, 0, 0x444444, 1022, 0, 0, 0, 0, 0);
        ModeSDecoder.decode(even, 0, 14, 0, m);
        assertThat(m.velocitySubtype).isEqualTo(2);
        assertThat(m.groundspeedKt).isCloseTo(1022, offset(2.0));
    }

    @Test
    void randomAirspeedsAndHeadings() {
        SplittableRandom r = new SplittableRandom(23);
        for (int k = 0; k < 20_000; k++) {
            boolean supersonic = k % 10 == 0;
            double as = supersonic ? 1030 + r.nextDouble() * 3000 : r.nextDouble() * 1021;
            double hdg = r.nextDouble() * 360;
            boolean tas = r.nextBoolean();
            int vr = r.nextInt(-6_000, 6_001);
            AdsbEncoder.airVelocity(even, 0, 0x555555, as, tas, hdg, vr, 1, ModeSMessage.ABSENT, 1);
            assertThat(ModeSDecoder.decode(even, 0, 14, 0, m)).isTrue();
            assertThat(m.velocitySubtype).isEqualTo(supersonic ? 4 : 3);
            assertThat(m.airspeedKt).isCloseTo(as, offset(supersonic ? 2.0 : 0.5));
            assertThat(m.airspeedType).isEqualTo(tas ? 1 : 0);
            assertThat(lonError(m.headingDeg, hdg)).isLessThanOrEqualTo(360.0 / 2048 + 1e-9);
            assertThat(m.verticalRateFpm).isCloseTo(vr, offset(32));
            assertThat(m.geoMinusBaroFt).isEqualTo(ModeSMessage.ABSENT);
        }
        AdsbEncoder.airVelocity(even, 0, 0x555555, 250, false, Double.NaN, 0, 1, 0, 0);
        ModeSDecoder.decode(even, 0, 14, 0, m);
        assertThat(m.headingDeg).isNaN();
    }

    // ------------------------------------------------------------------ identity, status, short replies

    @Test
    void randomIdentificationsAndStatus() {
        SplittableRandom r = new SplittableRandom(31);
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 5_000; k++) {
            sb.setLength(0);
            int len = r.nextInt(1, 9);
            for (int c = 0; c < len; c++) sb.append(chars.charAt(r.nextInt(chars.length())));
            int icao = r.nextInt(1 << 24);
            int tc = r.nextInt(1, 5), cat = r.nextInt(8);
            AdsbEncoder.identification(even, 0, icao, tc, cat, Callsigns.pack(sb));
            assertThat(ModeSDecoder.decode(even, 0, 14, 0, m)).isTrue();
            assertThat(m.icao).isEqualTo(icao);
            assertThat(m.tc).isEqualTo(tc);
            assertThat(m.category).isEqualTo(cat);
            assertThat(Callsigns.unpack(m.callsign)).isEqualTo(sb.toString());

            int squawk = r.nextInt(8) * 1000 + r.nextInt(8) * 100 + r.nextInt(8) * 10 + r.nextInt(8);
            Emergency emergency = Emergency.of(r.nextInt(7));
            AdsbEncoder.aircraftStatus(even, 0, icao, emergency, squawk);
            assertThat(ModeSDecoder.decode(even, 0, 14, 0, m)).isTrue();
            assertThat(m.tc).isEqualTo(28);
            assertThat(m.squawk).isEqualTo(squawk);
            assertThat(m.emergency).isEqualTo(emergency);

            int fs = r.nextInt(8), dr = r.nextInt(32), um = r.nextInt(64);
            AdsbEncoder.identityReply(even, 0, icao, fs, dr, um, squawk);
            assertThat(ModeSDecoder.decode(even, 0, 7, 0, m)).isTrue();
            assertThat(m.df).isEqualTo(5);
            assertThat(m.icao).isEqualTo(icao);
            assertThat(m.icaoFromParity).isTrue();
            assertThat(m.squawk).isEqualTo(squawk);
            assertThat(m.flightStatus).isEqualTo(fs);
            assertThat(m.downlinkRequest).isEqualTo(dr);
            assertThat(m.utilityMessage).isEqualTo(um);

            int ca = r.nextInt(8), ic = r.nextInt(80);
            AdsbEncoder.allCallReply(even, 0, icao, ca, ic);
            assertThat(ModeSDecoder.decode(even, 0, 7, 0, m)).isTrue();
            assertThat(m.df).isEqualTo(11);
            assertThat(m.icao).isEqualTo(icao);
            assertThat(m.ca).isEqualTo(ca);
            assertThat(m.interrogatorCode).isEqualTo(ic);
        }
    }

    @Test
    void operationalStatusFields() {
        for (int nacP = 0; nacP < 12; nacP++) {
            for (int sil = 0; sil < 4; sil++) {
                int nicA = (nacP + sil) & 1, gva = sil ^ 1, nicBaro = nacP & 1;
                AdsbEncoder.operationalStatus(even, 0, 0x666666, nicA, nacP, sil, gva, nicBaro);
                assertThat(ModeSDecoder.decode(even, 0, 14, 0, m)).isTrue();
                assertThat(m.tc).isEqualTo(31);
                assertThat(m.version).isEqualTo(2);
                assertThat(m.nicSupplementA).isEqualTo(nicA);
                assertThat(m.nacP).isEqualTo(nacP);
                assertThat(m.sil).isEqualTo(sil);
                assertThat(m.gva).isEqualTo(gva);
                assertThat(m.nicBaro).isEqualTo(nicBaro);
                assertThat(m.hrd).isZero();
                assertThat(m.silSupplement).isZero();
            }
        }
    }

    @Test
    void everyEncodedFrameHasCleanParity() {
        SplittableRandom r = new SplittableRandom(3);
        for (int k = 0; k < 1_000; k++) {
            int icao = r.nextInt(1 << 24);
            AdsbEncoder.airbornePosition(
                    even,
                    0,
                    icao,
                    r.nextDouble() * 180 - 90,
                    r.nextDouble() * 360 - 180,
                    r.nextInt(40000),
                    r.nextBoolean(),
                    r.nextInt(12),
                    r.nextInt(4));
            assertThat(Crc24.syndrome(even, 0, 14)).isZero();
            AdsbEncoder.altitudeReply(even, 0, icao, 0, 0, 0, r.nextInt(40000));
            assertThat(Crc24.syndrome(even, 0, 7)).isEqualTo(icao);
        }
    }
}
