package org.vigil.codec.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.codec.feed.FeedTestSupport.*;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeastFramerTest {
    private final FeedCounters counters = new FeedCounters();
    private final Recorder rec = new Recorder();
    private final BeastFramer framer = new BeastFramer(counters, rec);

    private static final byte[] LONG = HexFormat.of().parseHex("8D4840D6202CC371C32CE0576098");
    private static final byte[] SHORT = HexFormat.of().parseHex("5D484FDEA248F5");

    private void feed(byte[] b, long t) {
        framer.accept(b, 0, b.length, t);
    }

    @Test
    void decodesLongShortAndModeAcFramesWithTimestampAndSignal() {
        feed(concat(beast(LONG, 0x0123456789ABL, 200), beast(SHORT, 5, 7), beast(new byte[] {0x77, 0x00}, 9, 1)), 42);
        assertThat(rec.frames)
                .extracting(Frame::toString)
                .containsExactly(
                        "8D4840D6202CC371C32CE0576098@" + 0x0123456789ABL + "/200", "5D484FDEA248F5@5/7", "7700@9/1");
        assertThat(rec.frames).allSatisfy(f -> assertThat(f.timeNanos()).isEqualTo(42));
        assertThat(counters.framesAccepted()).isEqualTo(3);
        assertThat(counters.totalRejects()).isZero();
        assertThat(counters.lastFrameTimeNanos()).isEqualTo(42);
    }

    @Test
    void escapedBytesSplitAcrossChunksAreUnescaped() {
        byte[] payload = HexFormat.of().parseHex("8D1A1A1A202CC371C32CE057601A");
        byte[] wire = beast(payload, 0x1A1A0000001AL, 0x1A);
        assertThat(wire.length).isGreaterThan(2 + 21); // the escapes really are on the wire
        for (int cut = 1; cut < wire.length; cut++) {
            FeedCounters c = new FeedCounters();
            Recorder r = new Recorder();
            BeastFramer f = new BeastFramer(c, r);
            f.accept(wire, 0, cut, 1);
            f.accept(wire, cut, wire.length - cut, 2);
            assertThat(r.frames)
                    .as("cut at %d", cut)
                    .extracting(Frame::toString)
                    .containsExactly("8D1A1A1A202CC371C32CE057601A@" + 0x1A1A0000001AL + "/26");
            assertThat(c.totalRejects()).isZero();
        }
    }

    @Test
    void everyChunkingOfARealStreamGivesTheSameFrames() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        long mlat = 0x1A0000001A00L;
        for (byte[] f : shortFlights()) {
            mlat += 12_345;
            wire.writeBytes(beast(f, mlat, (int) (mlat & 0xFF)));
            expected.add(HexFormat.of().withUpperCase().formatHex(f) + "@" + mlat + "/" + (mlat & 0xFF));
            if (expected.size() % 50 == 0) wire.writeBytes(ascii("noise")); // garbage between frames
        }
        byte[] data = wire.toByteArray();
        feed(data, 0);
        assertThat(rec.frames).extracting(Frame::toString).containsExactlyElementsOf(expected);
        String reference = counts(counters);
        assertThat(counters.rejects(RejectReason.GARBAGE)).isEqualTo(expected.size() / 50);
        for (long seed = 1; seed <= 40; seed++) {
            FeedCounters c = new FeedCounters();
            Recorder r = new Recorder();
            feedRandomChunks(new BeastFramer(c, r), data, seed, seed % 2 == 0 ? 3 : 200);
            assertThat(r.frames).extracting(Frame::toString).containsExactlyElementsOf(expected);
            assertThat(counts(c)).isEqualTo(reference);
        }
        // and byte by byte
        FeedCounters c = new FeedCounters();
        Recorder r = new Recorder();
        BeastFramer f = new BeastFramer(c, r);
        for (int i = 0; i < data.length; i++) f.accept(data, i, 1, i);
        assertThat(r.frames).extracting(Frame::toString).containsExactlyElementsOf(expected);
        assertThat(counts(c)).isEqualTo(reference);
    }

    @Test
    void rejectsAreCountedByReasonAndFramingGoesOn() {
        byte[] good = beast(LONG, 1, 2);
        byte[] cut = java.util.Arrays.copyOf(good, 12); // cut inside the payload
        feed(
                concat(
                        ascii("garbage before"),
                        good, // garbage: 1
                        new byte[] {0x1A, 'X', 1, 2, 3},
                        good, // unknown_type: 1 (its body is not garbage)
                        cut,
                        good, // bad_escape: 1 (next 0x1A '3' interrupts)
                        new byte[] {0x1A, 0x1A},
                        good, // stray escaped byte: garbage 1
                        concat(new byte[] {0x1A, '4'}, new byte[21]), // status: skipped
                        concat(new byte[] {0x1A, '5'}, new byte[21]), // receiver position: skipped
                        concat(new byte[] {0x1A, '1'}, new byte[9]), // heartbeat: skipped
                        good,
                        java.util.Arrays.copyOf(good, 9)),
                7); // truncated at end of stream
        framer.endOfStream();
        assertThat(rec.frames)
                .hasSize(5)
                .allSatisfy(f -> assertThat(f.hex()).isEqualTo("8D4840D6202CC371C32CE0576098"));
        assertThat(counters.rejects(RejectReason.GARBAGE)).isEqualTo(2);
        assertThat(counters.rejects(RejectReason.UNKNOWN_TYPE)).isEqualTo(1);
        assertThat(counters.rejects(RejectReason.BAD_ESCAPE)).isEqualTo(1);
        assertThat(counters.rejects(RejectReason.TRUNCATED)).isEqualTo(1);
        assertThat(counters.totalRejects()).isEqualTo(5);
        assertThat(counters.skips(SkipReason.STATUS)).isEqualTo(1);
        assertThat(counters.skips(SkipReason.RECEIVER_POSITION)).isEqualTo(1);
        assertThat(counters.skips(SkipReason.HEARTBEAT)).isEqualTo(1);
        assertThat(counters.framesAccepted()).isEqualTo(5);
    }

    @Test
    void partialFrameAtDisconnectIsTruncatedAndNextStreamStartsClean() {
        byte[] good = beast(SHORT, 3, 4);
        feed(java.util.Arrays.copyOf(good, 6), 1);
        framer.endOfStream();
        feed(java.util.Arrays.copyOfRange(good, 6, good.length), 2); // tail of the old frame: garbage
        feed(good, 3);
        assertThat(rec.frames).extracting(Frame::toString).containsExactly("5D484FDEA248F5@3/4");
        assertThat(counters.rejects(RejectReason.TRUNCATED)).isEqualTo(1);
        assertThat(counters.rejects(RejectReason.GARBAGE)).isEqualTo(1);
        framer.endOfStream(); // between frames: nothing to count
        assertThat(counters.rejects(RejectReason.TRUNCATED)).isEqualTo(1);
    }

    @Test
    void bytesAreCountedAndBadSliceIsRefusedBeforeReading() {
        byte[] good = beast(SHORT, 3, 4);
        feed(good, 1);
        assertThat(counters.bytesRead()).isEqualTo(good.length);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> framer.accept(good, 5, 100, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(counters.bytesRead()).isEqualTo(good.length);
    }
}
