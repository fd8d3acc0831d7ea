package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.codec.modes.ModeSVectorsTest.hex;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Decoder rules not (fully) covered by the shared vectors. */
class ModeSDecoderTest {
    private final ModeSMessage m = new ModeSMessage();

    /** Sets the 24 parity bits of a DF17/18 frame so that it checks. */
    private static byte[] withParity(byte[] f) {
        int p = Crc24.remainder(f, 0, f.length - 3);
        f[f.length - 3] = (byte) (p >>> 16);
        f[f.length - 2] = (byte) (p >>> 8);
        f[f.length - 1] = (byte) p;
        return f;
    }

    @Test
    void crcOfTheRiddleExample() {
        assertThat(Crc24.remainder(hex("8D406B902015A678D4D220"), 0, 11)).isEqualTo(0xAA4BDA);
        assertThat(Crc24.syndrome(hex("8D4CA251204994B1C36E60A5343D"), 0, 14)).isEqualTo(0x000010);
    }

    @Test
    void apReplyAddressIsTheSyndrome() {
        // feed-formats.md section 4: A0001838CA380031440000F24177 -> 3C6DD0
        byte[] f = hex("A0001838CA380031440000F24177");
        assertThat(ModeSDecoder.decode(f, 0, 14, 0, m)).isTrue();
        assertThat(m.df).isEqualTo(20);
        assertThat(m.icao).isEqualTo(0x3C6DD0);
        assertThat(m.icaoFromParity).isTrue();
        assertThat(m.crcOk).isFalse();
    }

    @Test
    void df11WithInterrogatorCode() {
        byte[] f = hex("5D484FDEA248F5"); // S = 0x16: CL 1, IC 6 (SI6)
        assertThat(ModeSDecoder.decode(f, 0, 7, 0, m)).isTrue();
        assertThat(m.icao).isEqualTo(0x484FDE);
        assertThat(m.interrogatorCode).isEqualTo(0x16);
        assertThat(m.crcOk).isTrue();
        f[6] ^= (byte) 0x80; // an error outside the interrogator bits
        assertThat(ModeSDecoder.decode(f, 0, 7, 0, m)).isFalse();
        assertThat(m.error).isEqualTo(DecodeFailure.BAD_CRC);
    }

    @Test
    void gillhamCoversEvery100FtStepOnce() {
        // every 13-bit code with M = 0 and Q = 0 that is legal decodes to a distinct altitude
        Set<Integer> seen = new HashSet<>();
        int legal = 0;
        for (int code = 1; code < 0x2000; code++) {
            if ((code & 0x40) != 0 || (code & 0x10) != 0) continue; // M or Q (D1 unused in practice)
            int ft = AltitudeCode.ac13ToFeet(code);
            if (ft == ModeSMessage.ABSENT) continue;
            legal++;
            assertThat(seen.add(ft)).as("code %x gives %d twice", code, ft).isTrue();
            assertThat(ft % 100).isZero();
        }
        assertThat(legal).isEqualTo(seen.size());
        assertThat(seen).contains(-1200, -1000, 0, 100, 12_300, 30_000, 62_700);
        // D1 (the Q position) is never set in practice: -1200 .. 126 700 ft in 100 ft steps
        assertThat(seen).hasSize(1280);
        assertThat(seen.stream().mapToInt(Integer::intValue).max().getAsInt()).isEqualTo(126_700);
    }

    @Test
    void qBitAltitude() {
        // Q = 1, N = 1040 -> 25 * 1040 - 1000 = 25 000 ft; bits: N = 10000010000b
        int n = 1040;
        int ac13 = ((n >>> 5) << 7) | (((n >>> 4) & 1) << 5) | (1 << 4) | (n & 0xF);
        assertThat(AltitudeCode.ac13ToFeet(ac13)).isEqualTo(25_000);
        assertThat(AltitudeCode.ac13ToFeet(0)).isEqualTo(ModeSMessage.ABSENT);
    }

    @Test
    void modeAC() {
        byte[] f = {0x77, 0x00};
        assertThat(ModeSDecoder.decode(f, 0, 2, 0, m)).isTrue();
        assertThat(m.modeAC).isTrue();
        assertThat(m.squawk).isEqualTo(7700);
        assertThat(ModeSDecoder.decode(new byte[] {0, 0}, 0, 2, 0, m)).isFalse();
        assertThat(m.error).isEqualTo(DecodeFailure.HEARTBEAT);
        assertThat(ModeSDecoder.decode(new byte[] {(byte) 0x80, 0x10}, 0, 2, 0, m))
                .isFalse();
        assertThat(m.error).isEqualTo(DecodeFailure.BAD_FIELD);
        // Mode C: C1 alone with everything else zero is the first 100 ft band of -1000 .. -500
        assertThat(AltitudeCode.modeCToFeet(0x0010)).isEqualTo(AltitudeCode.gillhamToFeet(1 << 12));
        int legal = 0;
        for (int v = 0; v < 0x10000; v++) if (AltitudeCode.modeCToFeet(v) != ModeSMessage.ABSENT) legal++;
        assertThat(legal).isEqualTo(1280); // the same legal codes as the AC13 path
    }

    @Test
    void lengthAndFormatRejections() {
        byte[] long17 = hex("8D406B902015A678D4D220AA4BDA");
        assertThat(ModeSDecoder.decode(long17, 0, 7, 0, m)).isFalse();
        assertThat(m.error).isEqualTo(DecodeFailure.TRUNCATED);
        assertThat(ModeSDecoder.decode(long17, 0, 20, 0, m)).isFalse();
        assertThat(m.error).isEqualTo(DecodeFailure.TRUNCATED);
        assertThat(ModeSDecoder.decode(hex("200012B0D96E39" + "00000000000000"), 0, 14, 0, m))
                .isFalse();
        assertThat(m.error).isEqualTo(DecodeFailure.BAD_LENGTH);
        assertThat(ModeSDecoder.decode(hex("98000000000000000000000000000"), 0, 14, 0, m))
                .isFalse();
        assertThat(m.error).isEqualTo(DecodeFailure.UNKNOWN_DF);
        assertThat(ModeSDecoder.decode(null, 0, 7, 0, m)).isFalse();
        assertThat(m.error).isEqualTo(DecodeFailure.TRUNCATED);
        assertThat(ModeSDecoder.decode(long17, 10, 14, 0, m)).isFalse();
        assertThat(ModeSDecoder.decode(long17, 0, 0, 0, m)).isFalse();
        assertThat(m.error).isEqualTo(DecodeFailure.TRUNCATED);
    }

    @Test
    void illegalCallsignCharacterIsRejected() {
        byte[] f = hex("8D406B902015A678D4D220AA4BDA");
        f[5] = 0;
        f[6] = 0; // first characters become code 0, not in the character set
        assertThat(ModeSDecoder.decode(withParity(f), 0, 14, 0, m)).isFalse();
        assertThat(m.error).isEqualTo(DecodeFailure.BAD_FIELD);
        assertThat(m.callsign).isZero();
        assertThat(m.tc).isEqualTo(4);
    }

    @Test
    void gnssHeightTypeCode() {
        byte[] f = hex("8D40621D58C382D690C8AC2863A7"); // TC 11, 38 000 ft
        f[4] = (byte) ((20 << 3) | (f[4] & 7));
        assertThat(ModeSDecoder.decode(withParity(f), 0, 14, 0, m)).isTrue();
        assertThat(m.tc).isEqualTo(20);
        assertThat(m.gnssAltitudeFt).isEqualTo(38_000);
        assertThat(m.altitudeFt).isEqualTo(ModeSMessage.ABSENT);
        assertThat(m.nic).isEqualTo(11);
    }

    @Test
    void tcasResolutionAdvisoryBroadcast() {
        // TC 28 subtype 2: ARA 14 bits, RAC 4, RAT, MTE, TTI = 1 with threat address 0xABCDEF
        long me = (28L << 51)
                | (2L << 48)
                | (0x2000L << 34)
                | (0x5L << 30)
                | (1L << 29)
                | (0L << 28)
                | (1L << 26)
                | (0xABCDEFL << 2);
        byte[] f = new byte[14];
        f[0] = (byte) 0x8D;
        f[1] = 0x12;
        f[2] = 0x34;
        f[3] = 0x56;
        for (int i = 0; i < 7; i++) f[4 + i] = (byte) (me >>> (48 - 8 * i));
        assertThat(ModeSDecoder.decode(withParity(f), 0, 14, 0, m)).isTrue();
        assertThat(m.subtype).isEqualTo(2);
        assertThat(m.araBits).isEqualTo(0x2000);
        assertThat(m.racBits).isEqualTo(5);
        assertThat(m.raTerminated).isEqualTo(1);
        assertThat(m.threatIcao).isEqualTo(0xABCDEF);
        assertThat(m.tcasRaActive).isEqualTo(1);
    }

    @Test
    void resetClearsEverythingTheDecoderSets() {
        ModeSDecoder.decode(hex("8DA05629EA21485CBF3F8CADAEEB"), 0, 14, 5, m);
        assertThat(m.selectedAltitudeFt).isNotEqualTo(ModeSMessage.ABSENT);
        ModeSDecoder.decode(hex("5DAB92A2B04912"), 0, 7, 6, m);
        assertThat(m.selectedAltitudeFt).isEqualTo(ModeSMessage.ABSENT);
        assertThat(m.subtype).isEqualTo(ModeSMessage.ABSENT);
        assertThat(m.tc).isEqualTo(ModeSMessage.ABSENT);
        assertThat(m.nacP).isEqualTo(ModeSMessage.ABSENT);
    }

    @Test
    void decodingAllocatesNothing() {
        byte[][] frames = {
            hex("8D406B902015A678D4D220AA4BDA"),
            hex("8D40621D58C382D690C8AC2863A7"),
            hex("8DA05F219B06B6AF189400CBC33F"),
            hex("8D0D097EF8230007005AB8547268"),
            hex("8DA05629EA21485CBF3F8CADAEEB"),
            hex("200012B0D96E39"),
            hex("5DAB92A2B04912"),
            hex("8C4841753AAB238733C8CD4020B1")
        };
        CprResolver resolver = new CprResolver().setReceiver(52, 4);
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int warm = 0; warm < 20_000; warm++) run(frames, resolver, warm);
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 100_000; i++) run(frames, resolver, i);
        long allocated = bean.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).as("bytes allocated by 800 000 decodes").isLessThan(10_000);
    }

    private void run(byte[][] frames, CprResolver resolver, int i) {
        byte[] f = frames[i % frames.length];
        if (ModeSDecoder.decode(f, 0, f.length, 1_000_000_000L + i * 1_000_000L, m)) resolver.resolve(m);
    }
}
