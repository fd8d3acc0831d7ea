package org.vigil.codec.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.Random;
import java.util.function.BiFunction;
import org.vigil.codec.feed.FeedTestSupport.Frame;
import org.vigil.codec.feed.FeedTestSupport.Recorder;

/**
 * The property both binary/text framer fuzz tests check: any byte stream, cut into any chunks,
 * gives the same frames and counters as the whole stream at once, no exception escapes, and the
 * counters agree with what was delivered.
 */
final class FramerFuzzing {
    private FramerFuzzing() {}

    /**
     * @param framer        makes a fresh framer for the counters and sink
     * @param minFrameBytes the fewest input bytes one accepted frame can take
     */
    static void anyInputAnyChunking(
            FuzzedDataProvider in, BiFunction<FeedCounters, FrameSink, FeedFramer> framer, int minFrameBytes) {
        long seed = in.consumeLong();
        int maxChunk = in.consumeInt(1, 64);
        byte[] data = in.consumeRemainingAsBytes();

        FeedCounters whole = new FeedCounters();
        Recorder a = new Recorder();
        FeedFramer fa = framer.apply(whole, a);
        fa.accept(data, 0, data.length, 0);
        fa.endOfStream();

        FeedCounters chunked = new FeedCounters();
        Recorder b = new Recorder();
        FeedFramer fb = framer.apply(chunked, b);
        Random rnd = new Random(seed);
        int pos = 0;
        while (pos < data.length) {
            int n = Math.min(data.length - pos, rnd.nextInt(maxChunk + 1)); // empty chunks too
            fb.accept(data, pos, n, 0);
            pos += n;
        }
        fb.endOfStream();

        assertThat(b.frames)
                .extracting(Frame::toString)
                .containsExactlyElementsOf(
                        a.frames.stream().map(Frame::toString).toList());
        assertThat(FeedTestSupport.counts(chunked)).isEqualTo(FeedTestSupport.counts(whole));
        assertThat(whole.framesAccepted()).isEqualTo(a.frames.size());
        assertThat(whole.bytesRead()).isEqualTo(data.length);
        // every accepted frame and every counted event used up input bytes
        assertThat(whole.framesAccepted() * minFrameBytes).isLessThanOrEqualTo(data.length);
        assertThat(whole.totalRejects() + whole.totalSkips()).isLessThanOrEqualTo(data.length);
    }
}
