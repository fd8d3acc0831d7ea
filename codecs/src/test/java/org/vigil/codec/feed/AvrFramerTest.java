package org.vigil.codec.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.codec.feed.FeedTestSupport.*;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AvrFramerTest {
    private final FeedCounters counters = new FeedCounters();
    private final Recorder rec = new Recorder();
    private final AvrFramer framer = new AvrFramer(counters, rec);

    private void feed(String s, long t) {
        byte[] b = ascii(s);
        framer.accept(b, 0, b.length, t);
    }

    @Test
    void readsAllPrefixesFromTheJetvisionExamples() {
        feed(
                "*02E99619FACDAE;\n*8D3C5EE69901BD9540078D37335F;\r\n*7700;\n"
                        + "@016CE3671C745DFFE7AB7BFCAB;\n@016CE3671AA88D00199A8BB80030A8000628F400;\n@016CE3671C747700;\n"
                        + "%016CE3671C745DFFE7AB7BFCAB;\n<016CE3671C74C85DFFE7AB7BFCAB;\n:02e99619facdae;\n",
                5);
        long ts = 0x016CE3671C74L;
        assertThat(rec.frames)
                .extracting(Frame::toString)
                .containsExactly(
                        "02E99619FACDAE@-1/-1",
                        "8D3C5EE69901BD9540078D37335F@-1/-1",
                        "7700@-1/-1",
                        "5DFFE7AB7BFCAB@" + ts + "/-1",
                        "8D00199A8BB80030A8000628F400@" + 0x016CE3671AA8L + "/-1",
                        "7700@" + ts + "/-1",
                        "5DFFE7AB7BFCAB@" + ts + "/-1",
                        "5DFFE7AB7BFCAB@" + ts + "/200",
                        "02E99619FACDAE@-1/-1");
        assertThat(rec.frames).allSatisfy(f -> assertThat(f.timeNanos()).isEqualTo(5));
        assertThat(counters.totalRejects()).isZero();
        assertThat(counters.framesAccepted()).isEqualTo(9);
    }

    @Test
    void everyChunkingGivesTheSameFramesAndCounts() {
        StringBuilder sb = new StringBuilder();
        List<String> expected = new ArrayList<>();
        int i = 0;
        for (byte[] f : shortFlights()) {
            String hex = HexFormat.of().withUpperCase().formatHex(f);
            if (i % 3 == 0) sb.append('*').append(hex).append(";\r\n");
            else
                sb.append('@')
                        .append(String.format("%012X", (long) i * 1000))
                        .append(hex.toLowerCase(Locale.ROOT))
                        .append(";\n");
            expected.add(hex + "@" + (i % 3 == 0 ? -1 : (long) i * 1000) + "/-1");
            if (i % 40 == 0) sb.append("# comment line\n*8D123;\n");
            i++;
        }
        byte[] data = ascii(sb.toString());
        framer.accept(data, 0, data.length, 0);
        assertThat(rec.frames).extracting(Frame::toString).containsExactlyElementsOf(expected);
        String reference = counts(counters);
        int inserted = (expected.size() + 39) / 40;
        assertThat(counters.rejects(RejectReason.GARBAGE)).isEqualTo(inserted);
        assertThat(counters.rejects(RejectReason.BAD_FIELD)).isEqualTo(inserted);
        for (long seed = 1; seed <= 30; seed++) {
            FeedCounters c = new FeedCounters();
            Recorder r = new Recorder();
            feedRandomChunks(new AvrFramer(c, r), data, seed, seed % 2 == 0 ? 2 : 300);
            assertThat(r.frames).extracting(Frame::toString).containsExactlyElementsOf(expected);
            assertThat(counts(c)).isEqualTo(reference);
        }
    }

    @Test
    void rejectsAreCountedByReasonAndFramingGoesOn() {
        String good = "*5D484FDEA248F5;\n";
        feed(
                "hello world\n" + good // garbage 1
                        + "*5D484FDEA248\n" + good // truncated by line end
                        + "*5D484FDE*5D484FDEA248F5;\n" // truncated by next start, then good
                        + "*5D48ZZDEA248F5;\n" + good // bad_field (non-hex)
                        + "*5D484FDEA248F5A;\n" + good // bad_field (15 digits)
                        + "@0123;\n" // bad_field (no timestamp)
                        + "*8D4840D6202CC371C32CE057609800;\n" + good // too_long (30 digits)
                        + "*0000;\n" // heartbeat
                        + "  *5D484FDEA248F5;  \r\n" // blanks around: fine
                        + "*5D48",
                9); // truncated at end of stream
        framer.endOfStream();
        assertThat(rec.frames).hasSize(7).allSatisfy(f -> assertThat(f.hex()).isEqualTo("5D484FDEA248F5"));
        assertThat(counters.rejects(RejectReason.GARBAGE)).isEqualTo(1);
        assertThat(counters.rejects(RejectReason.TRUNCATED)).isEqualTo(3);
        assertThat(counters.rejects(RejectReason.BAD_FIELD)).isEqualTo(3);
        assertThat(counters.rejects(RejectReason.TOO_LONG)).isEqualTo(1);
        assertThat(counters.totalRejects()).isEqualTo(8);
        assertThat(counters.skips(SkipReason.HEARTBEAT)).isEqualTo(1);
    }

    @Test
    void endlessLineWithoutTerminatorDoesNotGrowAndIsCountedOnce() {
        StringBuilder sb = new StringBuilder("*");
        for (int i = 0; i < 10_000; i++) sb.append('A');
        feed(sb.toString(), 1);
        feed("\n*5D484FDEA248F5;", 2);
        assertThat(counters.rejects(RejectReason.TOO_LONG)).isEqualTo(1);
        assertThat(rec.frames).hasSize(1);
    }
}
