package org.vigil.server.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event-store suite, run unchanged against the embedded SQLite store and a real PostgreSQL
 * server by its two subclasses: recording, read-back with filters, sequence numbers across
 * restarts, retention.
 */
abstract class EventStoreContract {

    static final Actor OPERATOR = new Actor("maj.jansen", "operator", "10.1.2.3");

    @TempDir
    Path dir;

    /** A fresh, empty database for one test. */
    abstract String newDatabaseUrl() throws Exception;

    String url;

    EventStore open() throws Exception {
        if (url == null) {
            url = newDatabaseUrl();
        }
        return EventStore.open(url, "vigil", "", Duration.ofMillis(50), 1000);
    }

    @Test
    void machineEventsAndOperatorActionsReadBackInSequenceOrder() throws Exception {
        try (EventStore s = open()) {
            assertThat(s.latestSequence()).isZero();
            long a = s.record("track.new", 1_000, 17L, "{\"icao\":\"4840d6\"}");
            long b = s.record("track.lost", 2_000, null, "{}");
            long c = s.recordOperatorAction("alert.ack", 3_000, 17L, "{\"alert\":5}", OPERATOR);
            assertThat(new long[] {a, b, c}).containsExactly(1, 2, 3);
            // the operator action committed everything before it, synchronously
            assertThat(s.latestSequence()).isEqualTo(3);
            List<StoredEvent> all = s.query(EventQuery.all());
            assertThat(all).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L);
            StoredEvent first = all.get(0);
            assertThat(first.type()).isEqualTo("track.new");
            assertThat(first.dataTimeNanos()).isEqualTo(1_000);
            assertThat(first.trackNumber()).isEqualTo(17L);
            assertThat(first.payloadJson()).isEqualTo("{\"icao\":\"4840d6\"}");
            assertThat(first.actor()).isNull();
            assertThat(all.get(1).trackNumber()).isNull();
            assertThat(all.get(2).actor()).isEqualTo(OPERATOR);
            assertThat(all.get(2).recordedAtMillis()).isPositive();
        }
    }

    @Test
    void machineEventsAreCommittedByTheBatchFlusher() throws Exception {
        try (EventStore s = open()) {
            s.record("track.new", 1, 1L, "{}");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (s.latestSequence() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(s.latestSequence()).isEqualTo(1);
            assertThat(s.count()).isEqualTo(1);
        }
    }

    @Test
    void queriesFilterByTimeTypeAndTrack() throws Exception {
        try (EventStore s = open()) {
            for (int i = 0; i < 100; i++) {
                s.record(i % 2 == 0 ? "track.update" : "alert.raised", i * 1_000L, (long) (i % 5), "{\"i\":" + i + "}");
            }
            s.flush();
            // [from, to): 10..19 inclusive of 10_000, exclusive of 20_000
            assertThat(s.query(EventQuery.between(10_000, 20_000)))
                    .extracting(StoredEvent::dataTimeNanos)
                    .containsExactly(
                            10_000L, 11_000L, 12_000L, 13_000L, 14_000L, 15_000L, 16_000L, 17_000L, 18_000L, 19_000L);
            assertThat(s.query(EventQuery.between(0, 20_000).ofType("alert.raised")))
                    .hasSize(10)
                    .allSatisfy(e -> assertThat(e.type()).isEqualTo("alert.raised"));
            assertThat(s.query(EventQuery.all().forTrack(3)))
                    .hasSize(20)
                    .allSatisfy(e -> assertThat(e.trackNumber()).isEqualTo(3L));
            assertThat(s.query(EventQuery.all().ofType("track.update").forTrack(4)))
                    .extracting(StoredEvent::seq)
                    .containsExactly(5L, 15L, 25L, 35L, 45L, 55L, 65L, 75L, 85L, 95L);
            // paging by sequence number
            List<StoredEvent> page1 = s.query(EventQuery.all().limit(30));
            List<StoredEvent> page2 =
                    s.query(EventQuery.all().after(page1.get(29).seq()).limit(30));
            assertThat(page1).hasSize(30);
            assertThat(page2.get(0).seq()).isEqualTo(31);
        }
    }

    @Test
    void sequenceNumbersContinueAcrossRestartsWithoutGapsOrDuplicates() throws Exception {
        try (EventStore s = open()) {
            for (int i = 0; i < 10; i++) {
                s.record("track.update", i, 1L, "{}");
            }
        } // close commits what waits
        try (EventStore s = open()) {
            assertThat(s.latestSequence()).isEqualTo(10);
            assertThat(s.record("track.update", 11, 1L, "{}")).isEqualTo(11);
            assertThat(s.recordOperatorAction("identity.set", 12, 1L, "{\"identity\":\"HOSTILE\"}", OPERATOR))
                    .isEqualTo(12);
        }
        try (EventStore s = open()) {
            assertThat(s.latestSequence()).isEqualTo(12);
            assertThat(s.query(EventQuery.all()))
                    .extracting(StoredEvent::seq)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        }
    }

    @Test
    void retentionByAgeAndCountKeepsOperatorActionsAndTheSequence() throws Exception {
        try (EventStore s = open()) {
            for (int i = 1; i <= 50; i++) {
                s.record("track.update", i * 1_000_000_000L, 1L, "{}");
            }
            s.recordOperatorAction("alert.ack", 2_000_000_000L, 1L, "{}", OPERATOR); // old but audit
            s.flush();
            // older than 21 s at now = 50 s: data times 1..28 s go, the operator action stays
            long deleted = s.applyRetention(new RetentionPolicy(Duration.ofSeconds(21), 0, 0, true), 50_000_000_000L);
            assertThat(deleted).isEqualTo(28);
            assertThat(s.count()).isEqualTo(23);
            deleted = s.applyRetention(new RetentionPolicy(Duration.ZERO, 0, 5, true), 50_000_000_000L);
            assertThat(deleted).isEqualTo(17);
            List<StoredEvent> left = s.query(EventQuery.all());
            assertThat(left).extracting(StoredEvent::seq).containsExactly(46L, 47L, 48L, 49L, 50L, 51L);
            assertThat(left.get(5).actor()).isEqualTo(OPERATOR);
            // everything, audit included, when the policy says so
            s.applyRetention(new RetentionPolicy(Duration.ofNanos(1), 0, 0, false), Long.MAX_VALUE);
            assertThat(s.count()).isZero();
        }
        try (EventStore s = open()) {
            // numbering survives an empty table
            assertThat(s.latestSequence()).isEqualTo(51);
            assertThat(s.record("track.new", 1, null, "{}")).isEqualTo(52);
        }
    }

    @Test
    void secondWriterOnTheSameDatabaseIsRefused() throws Exception {
        try (EventStore s = open()) {
            assertThatThrownBy(this::open)
                    .isInstanceOfAny(java.sql.SQLException.class, java.io.IOException.class)
                    .hasMessageContaining("another");
            assertThat(s.record("x", 1, null, "{}")).isEqualTo(1);
        }
    }

    @Test
    void badEventsAreRefusedWithoutUsingANumber() throws Exception {
        try (EventStore s = open()) {
            assertThatThrownBy(() -> s.record("", 1, null, "{}")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.record("t", 1, null, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.recordOperatorAction("t", 1, null, "{}", null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(s.record("t", 1, null, "{}")).isEqualTo(1);
        }
    }
}
