package org.vigil.codec.feed;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** AVR text under {@link FramerFuzzing#anyInputAnyChunking}. */
class AvrFramerFuzzTest {
    /** {@code *HHHH;}: a Mode A/C reply, the shortest message. */
    private static final int MIN_FRAME_BYTES = 6;

    @FuzzTest(maxDuration = "30s")
    void anyInputAnyChunking(FuzzedDataProvider in) {
        FramerFuzzing.anyInputAnyChunking(in, AvrFramer::new, MIN_FRAME_BYTES);
    }
}
