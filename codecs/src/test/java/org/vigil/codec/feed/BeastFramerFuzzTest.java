package org.vigil.codec.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Random;
import org.vigil.codec.feed.FeedTestSupport.Frame;
import org.vigil.codec.feed.FeedTestSupport.Recorder;

/**
 * Any byte stream, cut into any chunks: no exception escapes, the result does not depend on the
 * chunking, and the counters agree with what was delivered.
 */
class BeastFramerFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyInputAnyChunking(FuzzedDataProvider in) {
        long seed = in.consumeLong();
        int maxChunk = in.consumeInt(1, 64);
        byte[] data = in.consumeRemainingAsBytes();

        FeedCounters whole = new FeedCounters();
        Recorder a = new Recorder();
        BeastFramer fa = new BeastFramer(whole, a);
        fa.accept(data, 0, data.length, 0);
        fa.endOfStream();

        FeedCounters chunked = new FeedCounters();
        Recorder b = new Recorder();
        BeastFramer fb = new BeastFramer(chunked, b);
        Random rnd = new Random(seed);
        int pos = 0;
        while (pos < data.length) {
            int n = Math.min(data.length - pos, rnd.nextInt(maxChunk + 1)); // empty chunks too
            fb.accept(data, pos, n, 0);
            pos += n;
        }
        fb.endOfStream();

        assertThat(b.frames).extracting(Frame::toString).containsExactlyElementsOf(
                a.frames.stream().map(Frame::toString).toList());
        assertThat(FeedTestSupport.counts(chunked)).isEqualTo(FeedTestSupport.counts(whole));
        assertThat(whole.framesAccepted()).isEqualTo(a.frames.size());
        assertThat(whole.bytesRead()).isEqualTo(data.length);
        // every accepted frame and every counted event used up input bytes
        assertThat(whole.framesAccepted() * MIN_FRAME_BYTES).isLessThanOrEqualTo(data.length);
        assertThat(whole.totalRejects() + whole.totalSkips()).isLessThanOrEqualTo(data.length);
    }

    private static final int MIN_FRAME_BYTES = 11;
}
