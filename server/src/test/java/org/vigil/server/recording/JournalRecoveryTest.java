package org.vigil.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Torn and corrupted journal tails are found by length/CRC checks on open, cut, counted, never fatal. */
class JournalRecoveryTest {

    @TempDir
    Path dir;

    private long writeRecords(Path d, int n) throws IOException {
        try (Journal j = Journal.open(d, JournalTest.SMALL)) {
            int f = j.feedId("f");
            for (int i = 0; i < n; i++) {
                j.append(f, i, i, JournalTest.frame(i), 0, 14);
            }
        }
        return Files.size(lastSegment(d));
    }

    static Path lastSegment(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".vjl"))
                    .max(Path::compareTo)
                    .orElseThrow();
        }
    }

    @Test
    void everyCutInsideTheLastRecordIsTruncatedToTheRecordBefore() throws IOException {
        // one record = 8 header + 19 fixed + 14 bytes = 41 bytes
        for (int cut = 1; cut < 41; cut++) {
            Path d = dir.resolve("cut" + cut);
            long size = writeRecords(d, 100);
            try (FileChannel ch = FileChannel.open(lastSegment(d), StandardOpenOption.WRITE)) {
                ch.truncate(size - cut);
            }
            try (Journal j = Journal.open(d, JournalTest.SMALL)) {
                assertThat(j.stats().tornTailsTruncated()).as("cut %d", cut).isEqualTo(1);
                assertThat(j.stats().tornBytesDiscarded()).isEqualTo(41 - cut);
                List<JournalTest.Raw> all = JournalTest.readAll(j, Long.MIN_VALUE, Long.MAX_VALUE);
                assertThat(all).hasSize(99);
                assertThat(all.get(98).bytes()).isEqualTo(JournalTest.frame(98));
                // and writing goes on after the cut
                j.append(j.feedId("f"), 100, 100, JournalTest.frame(100), 0, 14);
                assertThat(JournalTest.readAll(j, 99, 101))
                        .extracting(JournalTest.Raw::rx)
                        .containsExactly(100L);
            }
            try (Journal j = Journal.open(d, JournalTest.SMALL)) {
                assertThat(j.stats().tornTailsTruncated())
                        .as("clean after repair")
                        .isZero();
            }
        }
    }

    @Test
    void aFlippedBitInTheLastRecordsIsCaughtByTheCrc() throws IOException {
        long size = writeRecords(dir, 100);
        Path seg = lastSegment(dir);
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // a payload byte of record 90 (of 100): records 90..99 go
            long at = size - 10 * 41 + 20;
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, at);
            one.flip();
            byte v = one.get();
            ch.write(ByteBuffer.wrap(new byte[] {(byte) (v ^ 0x10)}), at);
        }
        try (Journal j = Journal.open(dir, JournalTest.SMALL)) {
            assertThat(j.stats().tornTailsTruncated()).isEqualTo(1);
            assertThat(j.stats().tornBytesDiscarded()).isEqualTo(10 * 41);
            assertThat(JournalTest.readAll(j, Long.MIN_VALUE, Long.MAX_VALUE)).hasSize(90);
        }
    }

    @Test
    void garbageAfterTheLastRecordIsCut() throws IOException {
        writeRecords(dir, 10);
        Files.write(lastSegment(dir), new byte[] {0x7f, 0x7f, 0x7f, 0x7f, 1, 2, 3}, StandardOpenOption.APPEND);
        try (Journal j = Journal.open(dir, JournalTest.SMALL)) {
            assertThat(j.stats().tornTailsTruncated()).isEqualTo(1);
            assertThat(j.stats().tornBytesDiscarded()).isEqualTo(7);
            assertThat(JournalTest.readAll(j, Long.MIN_VALUE, Long.MAX_VALUE)).hasSize(10);
        }
    }

    @Test
    void aSegmentWhoseHeaderNeverReachedTheDiskIsDropped() throws IOException {
        writeRecords(dir, 10);
        Files.write(dir.resolve(String.format("raw-%020d.vjl", 99)), new byte[] {0x56, 0x49, 0x47});
        try (Journal j = Journal.open(dir, JournalTest.SMALL)) {
            assertThat(j.stats().tornTailsTruncated()).isEqualTo(1);
            assertThat(JournalTest.readAll(j, Long.MIN_VALUE, Long.MAX_VALUE)).hasSize(10);
            j.append(j.feedId("f"), 10, 10, JournalTest.frame(10), 0, 14);
        }
        try (Journal j = Journal.open(dir, JournalTest.SMALL)) {
            assertThat(JournalTest.readAll(j, Long.MIN_VALUE, Long.MAX_VALUE)).hasSize(11);
        }
    }

    @Test
    void corruptionInAnOlderSegmentIsSkippedAndCountedOnRead() throws IOException {
        try (Journal j = Journal.open(dir, JournalTest.SMALL)) {
            int f = j.feedId("f");
            for (int i = 0; i < 20_000; i++) {
                j.append(f, i, i, JournalTest.frame(i), 0, 14);
            }
        }
        Path first;
        try (Stream<Path> s = Files.list(dir)) {
            first = s.filter(p -> p.getFileName().toString().endsWith(".vjl"))
                    .min(Path::compareTo)
                    .orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(first, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), 10_000);
        }
        try (Journal j = Journal.open(dir, JournalTest.SMALL)) {
            List<JournalTest.Raw> all = JournalTest.readAll(j, Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(all.size()).isLessThan(20_000).isGreaterThan(10_000);
            assertThat(all.get(all.size() - 1).rx()).isEqualTo(19_999);
            assertThat(j.stats().corruptRecordsSkipped()).isEqualTo(1);
        }
    }
}
