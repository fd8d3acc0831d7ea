package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FrameDeduplicatorTest {
    private static final long MS = 1_000_000L;
    /** DF17 airborne position of 4840D6 (the classic example of "The 1090 MHz Riddle"). */
    private static final byte[] POSITION = HexFormat.of().parseHex("8D40621D58C382D690C8AC2863A7");

    private static byte[] flipped(byte[] b, int bit) {
        byte[] c = b.clone();
        c[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        return c;
    }

    private static boolean copy(FrameDeduplicator d, byte[] f, long t, int signal) {
        boolean c = d.isCopy(f, 0, f.length, t, signal);
        if (!c) d.remember(0x40621D, 52.25, 3.92);
        return c;
    }

    @Test
    void aSecondReceiversCopyWithinTheWindowIsACopyAndTellsTheKeptFrame() {
        FrameDeduplicator d = new FrameDeduplicator();
        assertThat(copy(d, POSITION, 1_000 * MS, 40)).isFalse();
        assertThat(d.isCopy(POSITION, 0, 14, 1_003 * MS, 30)).isTrue();
        assertThat(d.copyAddress()).isEqualTo(0x40621D);
        assertThat(d.copyLatitude()).isEqualTo(52.25);
        assertThat(d.copyLongitude()).isEqualTo(3.92);
        assertThat(d.copyTimeNanos()).isEqualTo(1_000 * MS);
        assertThat(d.strongerSignal()).as("weaker copy").isEqualTo(-1);
        assertThat(d.copies()).isEqualTo(1);
    }

    @Test
    void theStrongestCopysSignalIsKept() {
        FrameDeduplicator d = new FrameDeduplicator();
        copy(d, POSITION, 0, 40);
        assertThat(d.isCopy(POSITION, 0, 14, 2 * MS, 90)).isTrue();
        assertThat(d.keptSignal()).isEqualTo(40);
        assertThat(d.strongerSignal()).isEqualTo(90);
        assertThat(d.isCopy(POSITION, 0, 14, 4 * MS, 60)).isTrue();
        assertThat(d.keptSignal()).as("the stronger copy's level stands").isEqualTo(90);
        assertThat(d.strongerSignal()).isEqualTo(-1);
        assertThat(d.strongerCopies()).isEqualTo(1);
    }

    @Test
    void everyDistinctMessageIsKept() {
        FrameDeduplicator d = new FrameDeduplicator();
        copy(d, POSITION, 0, 40);
        // any one bit different is another message, however close in time
        for (int bit = 0; bit < 112; bit++)
            assertThat(copy(d, flipped(POSITION, bit), 0, 40)).as("bit %d", bit).isFalse();
        // a short frame equal to the long one's first 7 bytes is another message too
        assertThat(copy(d, java.util.Arrays.copyOf(POSITION, 7), 0, 40)).isFalse();
        assertThat(d.copies()).isZero();
    }

    @Test
    void theSameBytesAfterTheWindowAreANewMessage() {
        FrameDeduplicator d = new FrameDeduplicator(500 * MS, 1 << 10);
        copy(d, POSITION, 0, 40);
        assertThat(copy(d, POSITION, 501 * MS, 40)).isFalse();
        // either way in time: merged live feeds are not quite in order
        assertThat(d.isCopy(POSITION, 0, 14, 100 * MS, 40)).isTrue();
    }

    @Test
    void aFrameNotRememberedIsNoReference() {
        FrameDeduplicator d = new FrameDeduplicator();
        assertThat(d.isCopy(POSITION, 0, 14, 0, 40)).isFalse(); // e.g. it did not decode
        assertThat(d.isCopy(POSITION, 0, 14, 1 * MS, 40)).isFalse();
    }

    @Test
    void modeAcRepliesAreNeverCopies() {
        FrameDeduplicator d = new FrameDeduplicator();
        byte[] modeA = {0x12, 0x34};
        assertThat(copy(d, modeA, 0, 40)).isFalse();
        assertThat(copy(d, modeA, 1, 40))
                .as("two aircraft may squawk the same code")
                .isFalse();
    }

    @Test
    void aFullTableOverwritesTheOldestAndCountsIt() {
        FrameDeduplicator d = new FrameDeduplicator(500 * MS, 16);
        for (int bit = 0; bit < 64; bit++) copy(d, flipped(POSITION, bit), bit, 40);
        assertThat(d.overwritten()).isPositive();
        // the newest are still known
        assertThat(d.isCopy(flipped(POSITION, 63), 0, 14, 64, 40)).isTrue();
    }

    @Test
    void theTableGrowsWithTheTrafficAndKeepsEveryFrameWhileItDoes() {
        FrameDeduplicator d = new FrameDeduplicator();
        assertThat(d.capacity()).isEqualTo(FrameDeduplicator.INITIAL_CAPACITY);
        // 20,000 distinct frames within one window (far more than the first table holds), each with
        // its own remembered position; then every one again from a second receiver
        int n = 20_000;
        byte[][] frames = new byte[n][];
        for (int i = 0; i < n; i++) {
            frames[i] = POSITION.clone();
            frames[i][4] = (byte) (i >>> 8);
            frames[i][5] = (byte) i;
            assertThat(d.isCopy(frames[i], 0, 14, i * 1_000L, 40))
                    .as("frame %d", i)
                    .isFalse();
            d.remember(i, i * 1e-3, -i * 1e-3);
        }
        assertThat(d.capacity()).isGreaterThan(n).isLessThanOrEqualTo(FrameDeduplicator.DEFAULT_CAPACITY);
        assertThat(d.overwritten()).isZero();
        for (int i = 0; i < n; i++) {
            assertThat(d.isCopy(frames[i], 0, 14, 100 * MS + i * 1_000L, 50))
                    .as("copy of frame %d", i)
                    .isTrue();
            assertThat(d.copyAddress()).isEqualTo(i);
            assertThat(d.copyLatitude()).isEqualTo(i * 1e-3);
            assertThat(d.copyLongitude()).isEqualTo(-i * 1e-3);
            assertThat(d.copyTimeNanos()).isEqualTo(i * 1_000L);
            assertThat(d.strongerSignal()).isEqualTo(50);
        }
        assertThat(d.copies()).isEqualTo(n);
    }

    @Test
    void aQuietTableStaysSmall() {
        FrameDeduplicator d = new FrameDeduplicator();
        // 500 frames a second for a minute (one receiver network's worth): a window holds 250
        for (int i = 0; i < 30_000; i++) {
            byte[] f = POSITION.clone();
            f[4] = (byte) (i >>> 8);
            f[5] = (byte) i;
            copy(d, f, i * 2L * MS, 40);
        }
        assertThat(d.capacity()).isEqualTo(FrameDeduplicator.INITIAL_CAPACITY);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new FrameDeduplicator(0, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameDeduplicator(1, 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
