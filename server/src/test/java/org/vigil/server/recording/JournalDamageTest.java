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

/**
 * Damage in a closed journal segment costs only the damaged records: reading resumes at the next
 * valid record, the skipped bytes are counted and the damage is reported; a segment whose header is
 * unreadable is moved to quarantine/ and reported, and the rest of the journal reads.
 */
class JournalDamageTest {

    @TempDir
    Path dir;

    private List<Path> segments() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".vjl"))
                    .sorted()
                    .toList();
        }
    }

    private void write(int n) throws IOException {
        try (Journal j = Journal.open(dir, JournalTest.SMALL)) {
            int f = j.feedId("f");
            for (int i = 0; i < n; i++) {
                j.append(f, i, i, JournalTest.frame(i), 0, 14);
            }
        }
    }

    private static void overwrite(Path p, long at, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes), at);
        }
    }

    @Test
    void flippedBytesInAnOldSegmentCostOnlyTheRecordsTheyHit() throws IOException {
        write(20_000);
        Path first = segments().get(0);
        overwrite(first, 10_000, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        overwrite(first, 100_000, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        StorageDamage damage = new StorageDamage();
        try (Journal j = Journal.open(dir, JournalTest.SMALL)) {
            j.reportDamageTo(damage);
            List<JournalTest.Raw> all = JournalTest.readAll(j, Long.MIN_VALUE, Long.MAX_VALUE);
            // each spot touches at most two 41-byte records
            assertThat(all.size()).isBetween(20_000 - 4, 20_000 - 2);
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).rx()).isGreaterThan(all.get(i - 1).rx());
            }
            assertThat(all.get(all.size() - 1).rx()).isEqualTo(19_999);
            assertThat(j.stats().corruptRecordsSkipped()).isEqualTo(2);
            assertThat(j.corruptBytesSkipped()).isBetween(1L, 4L * 41);
            assertThat(damage.reports())
                    .hasSize(2)
                    .allMatch(r -> r.contains(first.getFileName().toString()) && r.contains("resumed"));
        }
    }

    @Test
    void aSegmentWithABadHeaderIsQuarantinedAndTheOthersRead() throws IOException {
        write(20_000);
        List<Path> segs = segments();
        assertThat(segs.size()).isGreaterThan(2);
        Path first = segs.get(0);
        long inFirst;
        try (Journal j = Journal.open(dir, JournalTest.SMALL)) {
            inFirst = JournalTest.readAll(j, Long.MIN_VALUE, segmentStart(segs.get(1)))
                    .size();
        }
        overwrite(first, 0, "NOTAJRNL".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        StorageDamage damage = new StorageDamage();
        try (Journal j = Journal.open(dir, JournalTest.SMALL)) {
            j.reportDamageTo(damage);
            assertThat(first).doesNotExist();
            try (Stream<Path> q = Files.list(dir.resolve("quarantine"))) {
                assertThat(q.toList())
                        .singleElement()
                        .satisfies(p -> assertThat(p.getFileName().toString())
                                .startsWith(first.getFileName().toString()));
            }
            assertThat(JournalTest.readAll(j, Long.MIN_VALUE, Long.MAX_VALUE)).hasSize((int) (20_000 - inFirst));
            assertThat(damage.reports()).singleElement().asString().contains("bad header", "quarantine");
        }
    }

    /** The receive time the segment starts at (its first record's). */
    private static long segmentStart(Path segment) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate(Journal.HEADER_BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.read(h, 0);
            return h.getLong(24);
        }
    }
}
