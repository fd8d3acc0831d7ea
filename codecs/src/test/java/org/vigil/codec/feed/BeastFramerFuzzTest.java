package org.vigil.codec.feed;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Beast binary under {@link FramerFuzzing#anyInputAnyChunking}. */
class BeastFramerFuzzTest {
    /** 0x1A '1', 6 timestamp bytes, signal, 2 Mode A/C bytes: the shortest frame. */
    private static final int MIN_FRAME_BYTES = 11;

    @FuzzTest(maxDuration = "30s")
    void anyInputAnyChunking(FuzzedDataProvider in) {
        FramerFuzzing.anyInputAnyChunking(in, BeastFramer::new, MIN_FRAME_BYTES);
    }
}
