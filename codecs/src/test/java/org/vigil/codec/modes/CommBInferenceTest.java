package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.vigil.core.Callsigns;

/** Register inference rules, reference disambiguation, rejections and the no-allocation promise. */
class CommBInferenceTest {

    /** Real DF20 at 26375 ft whose MB reads as a plausible 5,0 and a plausible 6,0 (pyModeS: ambiguous too). */
    static final String AMBIGUOUS_50_60 = "A0001117901A2F2B21C000B31B62";
    /** Real DF20 BDS 6,0 at 38000 ft: IAS 249 kt, Mach 0.788. */
    static final String BDS60_FL380 = "A0001838E519F33160240142D7FA";

    final ModeSMessage m = new ModeSMessage();

    @Test
    void allZeroMbIsNoRegisterAndNotAmbiguous() {
        CommB.decodeMB(0L, m.reset());
        assertThat(m.bds).isEqualTo(ModeSMessage.ABSENT);
        assertThat(m.bdsAmbiguous).isFalse();
        assertThat(m.bdsCandidates).isZero();
    }

    @Test
    void badFramesAreNamedRejections() {
        CommB.decode(new byte[13], 0, m.reset());
        assertThat(m.error).isEqualTo(DecodeFailure.TRUNCATED);
        CommB.decode(new byte[14], 1, m.reset());
        assertThat(m.error).isEqualTo(DecodeFailure.TRUNCATED);
        CommB.decode(null, 0, m.reset());
        assertThat(m.error).isEqualTo(DecodeFailure.TRUNCATED);
        CommB.decode(CommBVectorsTest.hexBytes("8D4840D6202CC371C32CE0576098"), 0, m.reset()); // DF17
        assertThat(m.error).isEqualTo(DecodeFailure.UNKNOWN_DF);
        assertThat(m.bds).isEqualTo(ModeSMessage.ABSENT);
    }

    @Test
    void decodesAFrameAtAnOffset() {
        byte[] f = CommBVectorsTest.hexBytes(BDS60_FL380);
        byte[] buf = new byte[f.length + 5];
        System.arraycopy(f, 0, buf, 3, f.length);
        CommB.decode(buf, 3, m.reset());
        assertThat(m.error).isNull();
        assertThat(m.bds).isEqualTo(0x60);
        assertThat(m.indicatedAirspeedKt).isEqualTo(249);
        assertThat(m.mach).isCloseTo(0.788, within(1e-9));
    }

    @Test
    void ambiguousReplyFillsNoRegisterField() {
        CommBVectorsTest.decode(AMBIGUOUS_50_60, m);
        assertThat(m.bds).isEqualTo(ModeSMessage.ABSENT);
        assertThat(m.bdsAmbiguous).isTrue();
        assertThat(m.bdsCandidates).isEqualTo(CommB.CANDIDATE_50 | CommB.CANDIDATE_60);
        assertThat(m.rollDeg).isNaN();
        assertThat(m.magneticHeadingDeg).isNaN();
        assertThat(m.groundspeedKt).isNaN();
        assertThat(m.indicatedAirspeedKt).isNaN();
    }

    @Test
    void knownGroundSpeedAndTrackPickTheRegisterThatFits() {
        long mb = CommBVectorsTest.mb(AMBIGUOUS_50_60);
        int alt = 26375;
        // The ADS-B picture agrees with the 5,0 reading.
        double gs50 = CommB.gs50(mb), trk50 = CommB.track50(mb);
        CommB.decodeMB(mb, gs50 + 5, trk50 - 3, alt, m.reset());
        assertThat(m.bds).isEqualTo(0x50);
        assertThat(m.groundspeedKt).isEqualTo(gs50);
        // The ADS-B picture agrees with the 6,0 reading (track near heading, speed near Mach x a).
        double hdg = CommB.heading60(mb), tas = CommB.mach60(mb) * CommB.speedOfSoundKt(alt);
        CommB.decodeMB(mb, tas + 20, hdg + 5, alt, m.reset());
        assertThat(m.bds).isEqualTo(0x60);
        assertThat(m.magneticHeadingDeg).isEqualTo(hdg);
        // References that fit neither are not trusted: stay honestly ambiguous.
        CommB.decodeMB(mb, 60, (trk50 + 180) % 360, alt, m.reset());
        assertThat(m.bdsAmbiguous).isTrue();
        assertThat(m.bdsCandidates).isEqualTo(CommB.CANDIDATE_50 | CommB.CANDIDATE_60);
    }

    @Test
    void iasAndMachMustAgreeWithTheAltitude() {
        long mb = CommBVectorsTest.mb(BDS60_FL380);
        CommB.decodeMB(mb, Double.NaN, Double.NaN, 38000, m.reset());
        assertThat(m.bds).isEqualTo(0x60);
        // IAS 249 kt with Mach 0.788 is impossible at 5000 ft (Mach 0.788 there is ~500 kt CAS).
        assertThat(CommB.candidates(mb, 5000) & CommB.CANDIDATE_60).isZero();
        assertThat(CommB.casFromMach(0.788, 38000)).isCloseTo(249, within(4.0));
        assertThat(CommB.altitudeFromCasMach(249, 0.788)).isCloseTo(38000, within(600.0));
        assertThat(CommB.casFromMach(0.3, 0)).isCloseTo(198.4, within(1.0)); // at sea level CAS = TAS
    }

    @Test
    void trackRateMustFitTheRollOfACoordinatedTurn() {
        // 25 deg right bank at 450 kt TAS turns at about 1.13 deg/s.
        long turning = bds50(25, 90, 460, 1.125, 450);
        assertThat(CommB.is50(turning)).isTrue();
        long inconsistent = bds50(25, 90, 460, -1.0, 450);
        assertThat(CommB.is50(inconsistent)).isFalse();
        CommB.decodeMB(turning, m.reset());
        assertThat(m.bds).isEqualTo(0x50);
        assertThat(m.rollDeg).isCloseTo(25, within(0.18));
        assertThat(m.trackRateDps).isCloseTo(1.125, within(0.04));
        assertThat(m.trueAirspeedKt).isEqualTo(450);
        assertThat(m.groundspeedKt).isEqualTo(460);
        // Physical ranges: a 60 deg bank or 700 kt TAS is not a 5,0 report.
        assertThat(CommB.is50(bds50(60, 90, 460, 0, 450))).isFalse();
        assertThat(CommB.is50(bds50(0, 90, 460, 0, 700))).isFalse();
        // Ground speed and TAS 300 kt apart: no wind is that strong.
        assertThat(CommB.is50(bds50(0, 90, 150, 0, 450))).isFalse();
    }

    @Test
    void statusBitOffRequiresAnEmptyValueField() {
        long mb = bds50(2, 90, 460, 0, 450);
        assertThat(CommB.is50(mb)).isTrue();
        long rollStatusOff = mb & ~(1L << 55); // MB bit 1 cleared, roll value left in place
        assertThat(CommB.is50(rollStatusOff)).isFalse();
    }

    @Test
    void acasResolutionAdvisoryWithThreatAddress() {
        // 0x30, ARA bit 9 (one threat) + bit 10 (corrective), RAC 0, RAT 0, MTE 0, TTI 1, TID = ABCDEF.
        long mb = (0x30L << 48) | (1L << (56 - 9)) | (1L << (56 - 10)) | (1L << (56 - 30)) | (0xABCDEFL << 2);
        CommB.decodeMB(mb, m.reset());
        assertThat(m.bds).isEqualTo(0x30);
        assertThat(m.threatIcao).isEqualTo(0xABCDEF);
        assertThat(m.araBits).isEqualTo(0b11000000000000);
        assertThat(m.multipleThreat).isZero();
        long badThreatType = mb | (3L << (56 - 30)); // TTI = 3 is undefined
        assertThat(CommB.candidates(badThreatType, ModeSMessage.ABSENT) & CommB.CANDIDATE_30)
                .isZero();
    }

    @Test
    void identificationNeedsValidCharacters() {
        long klm = (0x20L << 48) | Callsigns.pack("KLM1017");
        CommB.decodeMB(klm, m.reset());
        assertThat(m.bds).isEqualTo(0x20);
        assertThat(Callsigns.unpack(m.callsign)).isEqualTo("KLM1017");
        long invalid = (0x20L << 48) | (Callsigns.pack("KLM1017") & ~0x3FL) | 0x3B; // '#' code in the last char
        assertThat(CommB.candidates(invalid, ModeSMessage.ABSENT) & CommB.CANDIDATE_20)
                .isZero();
    }

    @Test
    void knownRegisterDecodesWithoutInference() {
        // ASTERIX I048/250 states the register: decode as told, even when inference would hesitate.
        long mb = CommBVectorsTest.mb(AMBIGUOUS_50_60);
        CommB.decodeRegister(mb, 0x60, m.reset());
        assertThat(m.bds).isEqualTo(0x60);
        assertThat(m.bdsAmbiguous).isFalse();
        assertThat(m.magneticHeadingDeg).isEqualTo(CommB.heading60(mb));
        for (int bit = 1; bit <= CommB.CANDIDATE_60; bit <<= 1) {
            assertThat(CommB.candidateOf(CommB.registerOf(bit))).isEqualTo(bit);
        }
        assertThat(CommB.candidateOf(0x21)).isZero();
    }

    @Test
    void decodingAllocatesNothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String[] hex = {
            AMBIGUOUS_50_60,
            BDS60_FL380,
            "A000083E202CC371C31DE0AA1CCF",
            "A000139381951536E024D4CCF6B5",
            "A8001EBCAEE57730A80106DE1344",
            "A0000638FA81C10000000081A92F",
            "A0001692185BD5CF400000DFC696"
        };
        byte[][] frames = new byte[hex.length][];
        for (int i = 0; i < hex.length; i++) frames[i] = CommBVectorsTest.hexBytes(hex[i]);
        ModeSMessage msg = new ModeSMessage();
        for (int i = 0; i < 200_000; i++) CommB.decode(frames[i % frames.length], 0, msg.reset()); // warm up / JIT
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 100_000; i++) {
            CommB.decode(frames[i % frames.length], 0, msg.reset());
            CommB.decodeMB(0x123456789ABCDEL * i, 400, i % 360, 30000, msg.reset());
        }
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).as("bytes allocated by 200k decodes").isLessThan(10_000);
    }

    /** Builds a BDS 5,0 MB with every status bit set. */
    static long bds50(double rollDeg, double trackDeg, double gsKt, double rateDps, double tasKt) {
        long mb = 0;
        mb = put(mb, 1, 1, 1);
        mb = put(mb, 2, 11, Math.round(rollDeg / (45.0 / 256)) & 0x3FF);
        mb = put(mb, 12, 12, 1);
        double t = trackDeg > 180 ? trackDeg - 360 : trackDeg;
        mb = put(mb, 13, 23, Math.round(t / (90.0 / 512)) & 0x7FF);
        mb = put(mb, 24, 24, 1);
        mb = put(mb, 25, 34, Math.round(gsKt / 2));
        mb = put(mb, 35, 35, 1);
        mb = put(mb, 36, 45, Math.round(rateDps / (8.0 / 256)) & 0x3FF);
        mb = put(mb, 46, 46, 1);
        mb = put(mb, 47, 56, Math.round(tasKt / 2) & 0x3FF);
        return mb;
    }

    static long put(long mb, int first, int last, long value) {
        return mb | (value << (56 - last));
    }
}
