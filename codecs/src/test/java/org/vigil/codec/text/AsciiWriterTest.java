package org.vigil.codec.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The allocation-free text writer against the JDK's own formatting, on random values and the edges. */
class AsciiWriterTest {
    private static String text(AsciiWriter w) {
        return new String(w.array(), 0, w.position(), StandardCharsets.US_ASCII);
    }

    @Test
    void integersAsTheJdkWritesThem() {
        AsciiWriter w = new AsciiWriter(64);
        long[] edges = {0, 1, 9, 10, 99, 100, 999_999_999_999_999_999L, Long.MAX_VALUE, -1, -10, Long.MIN_VALUE};
        for (long v : edges) assertThat(text(w.reset().integer(v))).isEqualTo(Long.toString(v));
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            long v = r.nextLong() >> r.nextInt(64);
            assertThat(text(w.reset().integer(v))).isEqualTo(Long.toString(v));
        }
    }

    @Test
    void fixedPointRoundsHalfAwayFromZero() {
        AsciiWriter w = new AsciiWriter(64);
        assertThat(text(w.reset().fixed(0.125, 2))).isEqualTo("0.13");
        assertThat(text(w.reset().fixed(-0.125, 2))).isEqualTo("-0.13");
        assertThat(text(w.reset().fixed(-0.0001, 2))).isEqualTo("0.00");
        assertThat(text(w.reset().fixed(Double.NaN, 1))).isEqualTo("0.0");
        assertThat(text(w.reset().fixed(9_999_999, 1))).isEqualTo("9999999.0");
        assertThat(text(w.reset().fixed(42.5, 0))).isEqualTo("43");
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 100_000; i++) {
            int decimals = r.nextInt(8);
            long scale = (long) Math.pow(10, decimals);
            double v = (r.nextDouble() - 0.5) * 2e4;
            // the writer's own rule: round(|v| * 10^d), then the digits
            BigDecimal n = BigDecimal.valueOf(Math.round(Math.abs(v) * scale)).movePointLeft(decimals);
            String expected = (v < 0 && n.signum() != 0 ? "-" : "")
                    + n.setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
            assertThat(text(w.reset().fixed(v, decimals)))
                    .as("%s with %d", v, decimals)
                    .isEqualTo(expected);
        }
    }

    @Test
    void digitsAreZeroPaddedLowestDigits() {
        AsciiWriter w = new AsciiWriter(64);
        assertThat(text(w.reset().digits(7, 3))).isEqualTo("007");
        assertThat(text(w.reset().digits(12345, 3))).isEqualTo("345");
        assertThat(text(w.reset().digits(0, 1))).isEqualTo("0");
        assertThat(text(w.reset().digits(2026, 4))).isEqualTo("2026");
    }

    @Test
    void timesAsIso8601AndSbs() {
        AsciiWriter w = new AsciiWriter(64);
        DateTimeFormatter iso =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        DateTimeFormatter sbs =
                DateTimeFormatter.ofPattern("yyyy/MM/dd,HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
        SplittableRandom r = new SplittableRandom(3);
        long[] edges = {0, 86_399_999, 86_400_000, 951_782_400_000L /* 2000-02-29 */, 4_102_444_799_999L};
        for (long ms : edges) {
            assertThat(text(w.reset().isoTime(ms))).isEqualTo(iso.format(Instant.ofEpochMilli(ms)));
            assertThat(text(w.reset().dateTime(ms, '/', ','))).isEqualTo(sbs.format(Instant.ofEpochMilli(ms)));
        }
        long t = 1_650_445_200_000L;
        for (int i = 0; i < 100_000; i++) {
            // mostly the same day (the cached date), now and then another one or another separator
            t += r.nextInt(10) == 0 ? r.nextLong(-400L * 86_400_000L, 400L * 86_400_000L) : r.nextLong(3_600_000L);
            t = Math.max(0, Math.min(t, 4_102_444_799_999L));
            if (r.nextBoolean()) assertThat(text(w.reset().isoTime(t))).isEqualTo(iso.format(Instant.ofEpochMilli(t)));
            else assertThat(text(w.reset().dateTime(t, '/', ','))).isEqualTo(sbs.format(Instant.ofEpochMilli(t)));
        }
    }
}
