package org.vigil.codec.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vigil.codec.modes.ModeSMessage;

/**
 * Any byte stream, cut into any chunks: no exception escapes, the result does not depend on the
 * chunking, delivered values are in range and the counters agree with what was delivered.
 */
class SbsParserFuzzTest {
    private static final String PREFIX = "MSG,3,1,1,4AC8B3,1,2019/12/10,19:10:46.320,2019/12/10,19:10:47.789,";

    @FuzzTest(maxDuration = "30s")
    void anyInputAnyChunking(FuzzedDataProvider in) {
        long seed = in.consumeLong();
        int maxChunk = in.consumeInt(1, 64);
        boolean recorded = in.consumeBoolean();
        // half the time start from a valid prefix so the fuzzer reaches the value fields quickly
        String head = in.consumeBoolean() ? PREFIX : "";
        byte[] tail = in.consumeRemainingAsBytes();
        byte[] data = new byte[head.length() + tail.length];
        System.arraycopy(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, data, 0, head.length());
        System.arraycopy(tail, 0, data, head.length(), tail.length);

        FeedCounters whole = new FeedCounters();
        List<String> a = new ArrayList<>();
        SbsParser pa = new SbsParser(whole, m -> a.add(check(m)), recorded, 60);
        pa.accept(data, 0, data.length, 0);
        pa.endOfStream();

        FeedCounters chunked = new FeedCounters();
        List<String> b = new ArrayList<>();
        SbsParser pb = new SbsParser(chunked, m -> b.add(check(m)), recorded, 60);
        Random rnd = new Random(seed);
        int pos = 0;
        while (pos < data.length) {
            int n = Math.min(data.length - pos, rnd.nextInt(maxChunk + 1));
            pb.accept(data, pos, n, 0);
            pos += n;
        }
        pb.endOfStream();

        assertThat(b).containsExactlyElementsOf(a);
        assertThat(FeedTestSupport.counts(chunked)).isEqualTo(FeedTestSupport.counts(whole));
        assertThat(whole.framesAccepted()).isEqualTo(a.size());
        assertThat(whole.bytesRead()).isEqualTo(data.length);
        assertThat(whole.totalRejects() + whole.totalSkips() + whole.framesAccepted())
                .isLessThanOrEqualTo(data.length + 1);
    }

    private static String check(ModeSMessage m) {
        assertThat(m.icao).isBetween(0, 0xFFFFFF);
        if (!Double.isNaN(m.lat)) {
            assertThat(m.lat).isBetween(-90.0, 90.0);
            assertThat(m.lon).isBetween(-180.0, 180.0);
        }
        assertThat(Double.isNaN(m.lat)).isEqualTo(Double.isNaN(m.lon));
        if (!Double.isNaN(m.trackDeg)) assertThat(m.trackDeg).isBetween(0.0, 360.0);
        if (m.squawk != ModeSMessage.ABSENT) assertThat(m.squawk).isBetween(0, 7777);
        return m.icao + "|" + m.timeNanos + "|" + m.callsign + "|" + m.altitudeFt + "|" + m.gnssAltitudeFt + "|"
                + m.groundspeedKt + "|" + m.trackDeg + "|" + m.lat + "|" + m.lon + "|" + m.verticalRateFpm + "|"
                + m.squawk + "|" + m.flightStatus + "|" + m.verticalStatus;
    }
}
