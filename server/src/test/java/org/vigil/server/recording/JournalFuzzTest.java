package org.vigil.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whatever bytes follow the last good record, opening recovers the good records and never throws. */
class JournalFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyTailRecovers(byte[] tail) throws IOException {
        Path d = Files.createTempDirectory("journal-fuzz");
        try {
            try (Journal j = Journal.open(d, JournalTest.SMALL)) {
                int f = j.feedId("f");
                for (int i = 0; i < 5; i++) {
                    j.append(f, i, i, JournalTest.frame(i), 0, 14);
                }
            }
            Files.write(JournalRecoveryTest.lastSegment(d), tail, StandardOpenOption.APPEND);
            try (Journal j = Journal.open(d, JournalTest.SMALL)) {
                long n = j.read(Long.MIN_VALUE, Long.MAX_VALUE, (feed, rx, dt, b, off, len) -> true);
                // the 5 good records survive; a tail that happens to be valid records may add some
                assertThat(n).isGreaterThanOrEqualTo(5);
                assertThat(j.append(j.feedId("f"), 9, 9, new byte[3], 0, 3)).isTrue();
            }
        } finally {
            try (Stream<Path> s = Files.walk(d)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
