package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * reset() clears only the field groups the previous message wrote (ModeSMessage's dirty
 * groups). These tests hold that optimisation to the original contract, over every public
 * instance field found by reflection (so a field added later is covered without editing this
 * test) and over a corpus that makes the decoder write every one of them: all real frames of
 * the test resources (Mode S vectors, Comm-B captures), random frames of every downlink format,
 * random ES of every type code, Mode A/C replies, and positions resolved by CprResolver.
 */
class ModeSMessageResetTest {
    private static final List<Field> FIELDS = new ArrayList<>();
    private static final List<byte[]> CORPUS = new ArrayList<>();
    private static final ModeSMessage FRESH = new ModeSMessage();

    @BeforeAll
    static void setUp() throws IOException {
        for (Field f : ModeSMessage.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) FIELDS.add(f);
        }
        for (String r : List.of(
                "/modes/vectors.jsonl",
                "/modes/short_flights.csv",
                "/modes-commb/sample_data_commb_df20.csv",
                "/modes-commb/sample_data_commb_df21.csv")) {
            collectHexFrames(r);
        }
        Random rnd = new Random(1090);
        for (int df = 0; df < 32; df++) {
            for (int i = 0; i < 300; i++) CORPUS.add(randomFrame(rnd, df << 3 | rnd.nextInt(8), i % 3 != 0));
        }
        for (int tc = 0; tc < 32; tc++) {
            for (int i = 0; i < 600; i++) {
                byte[] f = randomFrame(rnd, 17 << 3 | rnd.nextInt(8), true);
                f[4] = (byte) (tc << 3 | (f[4] & 7));
                if (i % 2 == 0) f[10] &= (byte) 0xF9; // TC29 v2: reserved bits zero
                fixParity(f);
                CORPUS.add(f);
            }
        }
        for (int i = 0; i < 300; i++) {
            CORPUS.add(new byte[] {(byte) rnd.nextInt(256), (byte) rnd.nextInt(256)});
        }
        CORPUS.add(new byte[2]);
    }

    @Test
    void everyFieldIsAbsentAfterResetFollowingEveryKindOfMessage() throws Exception {
        ModeSMessage m = new ModeSMessage();
        CprResolver resolver = new CprResolver(64);
        resolver.setReceiver(50.0, 4.0);
        Random rnd = new Random(45);
        for (int i = 0; i < CORPUS.size(); i++) {
            byte[] f = CORPUS.get(i);
            decodeLikeThePipeline(f, i, m, resolver, rnd);
            m.reset();
            assertAllAbsent(m, f);
        }
    }

    @Test
    void decodingIntoAUsedMessageEqualsDecodingIntoAFreshOne() throws Exception {
        ModeSMessage used = new ModeSMessage();
        Random rnd = new Random(7);
        for (int i = 0; i < CORPUS.size(); i++) {
            byte[] previous = CORPUS.get(rnd.nextInt(CORPUS.size()));
            ModeSDecoder.decode(previous, 0, previous.length, 5L, used);
            byte[] f = CORPUS.get(i);
            boolean okUsed = ModeSDecoder.decode(f, 0, f.length, 9L, used);
            ModeSMessage fresh = new ModeSMessage();
            boolean okFresh = ModeSDecoder.decode(f, 0, f.length, 9L, fresh);
            assertThat(okUsed).isEqualTo(okFresh);
            for (Field field : FIELDS) {
                assertThat(same(field.get(used), field.get(fresh)))
                        .as("%s of %s after %s", field.getName(), hex(f), hex(previous))
                        .isTrue();
            }
        }
    }

    @Test
    void resetAfterWritesByOtherCodeClearsEverything() throws Exception {
        // SbsParser, tests and ASTERIX code write fields directly after reset(): the next reset must clear them
        ModeSMessage m = new ModeSMessage();
        byte[] f = CORPUS.get(0);
        ModeSDecoder.decode(f, 0, f.length, 1L, m);
        m.reset();
        setEveryFieldPresent(m);
        m.reset();
        assertAllAbsent(m, f);
    }

    @Test
    void corpusMakesTheDecoderWriteEveryField() throws Exception {
        // Without this the first test could pass by never exercising a group.
        Set<String> written = new TreeSet<>();
        ModeSMessage m = new ModeSMessage();
        CprResolver resolver = new CprResolver(64);
        resolver.setReceiver(50.0, 4.0);
        Random rnd = new Random(45);
        for (int i = 0; i < CORPUS.size(); i++) {
            decodeLikeThePipeline(CORPUS.get(i), i, m, resolver, rnd);
            for (Field field : FIELDS) {
                if (!same(field.get(m), field.get(FRESH))) written.add(field.getName());
            }
        }
        Set<String> all = new TreeSet<>();
        for (Field field : FIELDS) all.add(field.getName());
        all.removeAll(written);
        assertThat(all).as("fields no message of the corpus sets").isEmpty();
    }

    private static final int[] REGISTERS = {0x10, 0x17, 0x20, 0x30, 0x40, 0x44, 0x45, 0x50, 0x60, 0x05};

    /**
     * Decodes as the feeds do (odd entries at an offset in a larger buffer), resolves positions
     * as the pipeline does, and on every fourth message also decodes a random MB as a named
     * register, as ASTERIX I048/250 does, so that every register field is written somewhere.
     */
    private static void decodeLikeThePipeline(byte[] f, int i, ModeSMessage m, CprResolver resolver, Random rnd) {
        byte[] buf = f;
        int off = 0;
        if (i % 2 == 1) {
            buf = new byte[f.length + 5];
            off = 3;
            System.arraycopy(f, 0, buf, off, f.length);
        }
        ModeSDecoder.decode(buf, off, f.length, 1_000_000_000L, m);
        if (m.cprFormat != ModeSMessage.ABSENT) resolver.resolve(m);
        if (i % 4 == 0) CommB.decodeRegister(rnd.nextLong(), REGISTERS[rnd.nextInt(REGISTERS.length)], m);
    }

    private static void assertAllAbsent(ModeSMessage m, byte[] after) throws Exception {
        for (Field field : FIELDS) {
            assertThat(same(field.get(m), field.get(FRESH)))
                    .as("%s after reset following %s", field.getName(), hex(after))
                    .isTrue();
        }
    }

    private static void setEveryFieldPresent(ModeSMessage m) throws Exception {
        for (Field field : FIELDS) {
            Class<?> t = field.getType();
            if (t == int.class) field.setInt(m, 3);
            else if (t == long.class) field.setLong(m, 3);
            else if (t == double.class) field.setDouble(m, 3);
            else if (t == boolean.class) field.setBoolean(m, true);
            else if (t == String.class) field.set(m, "x");
            else if (t == byte[].class) field.set(m, new byte[1]);
            else if (t.isEnum()) field.set(m, t.getEnumConstants()[0]); // present (absent is null)
            else throw new AssertionError("unexpected field type " + t + " of " + field.getName());
        }
    }

    /** Equality that treats NaN as equal to NaN and compares arrays by identity (frame is referenced). */
    private static boolean same(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) return Double.compare(x, y) == 0;
        return Objects.equals(a, b);
    }

    private static void collectHexFrames(String resource) throws IOException {
        try (InputStream in = ModeSMessageResetTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher mt = Pattern.compile("(?<![0-9A-Fa-f])([0-9A-Fa-f]{28}|[0-9A-Fa-f]{14})(?![0-9A-Fa-f])")
                    .matcher(text);
            while (mt.find()) CORPUS.add(unhex(mt.group(1)));
        }
    }

    private static byte[] randomFrame(Random rnd, int firstByte, boolean goodParity) {
        int df = firstByte >>> 3;
        byte[] f = new byte[df >= 16 ? 14 : 7];
        rnd.nextBytes(f);
        f[0] = (byte) firstByte;
        if (goodParity) fixParity(f);
        return f;
    }

    private static void fixParity(byte[] f) {
        int p = Crc24.remainder(f, 0, f.length - 3);
        f[f.length - 3] = (byte) (p >>> 16);
        f[f.length - 2] = (byte) (p >>> 8);
        f[f.length - 1] = (byte) p;
    }

    private static byte[] unhex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        return b;
    }

    private static String hex(byte[] f) {
        StringBuilder sb = new StringBuilder();
        for (byte x : f) sb.append(String.format("%02X", x));
        return sb.toString();
    }
}
