package org.vigil.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw-input hot path allocates nothing per message (segment rolls aside). */
class JournalAllocationTest {

    @TempDir
    Path dir;

    @Test
    void appendingAllocatesNothingPerMessage() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        try (Journal j = Journal.open(dir, JournalConfig.DEFAULT)) {
            int f = j.feedId("f");
            byte[] frame = new byte[14];
            for (int i = 0; i < 200_000; i++) { // warm-up, JIT
                j.append(f, i, i, frame, 0, 14);
            }
            long before = mx.getThreadAllocatedBytes(tid);
            int n = 1_000_000;
            for (int i = 0; i < n; i++) {
                frame[5] = (byte) i;
                j.append(f, 200_000L + i, i, frame, 0, 14);
            }
            long allocated = mx.getThreadAllocatedBytes(tid) - before;
            // 1 M messages are 41 MB of journal; allow a few KB for a segment roll and the measurement
            assertThat(allocated).as("bytes allocated for %d appends", n).isLessThan(64 * 1024);
        }
    }
}
