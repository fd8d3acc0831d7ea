package org.vigil.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.codec.modes.AircraftUpdater.Outcome;
import org.vigil.codec.modes.DecodeFailure;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.Callsigns;
import org.vigil.core.aircraft.AircraftState;
import org.vigil.core.aircraft.AircraftTable;

/**
 * End to end with real DF17 traffic (rs1090 short_flights.csv, MIT, see resources/modes/SOURCES.md):
 * 486 frames from 9 aircraft near Atlanta over 60.6 s.
 */
class ModeSPipelineTest {
    private static final long S = 1_000_000_000L;

    @SuppressWarnings("ArrayRecordComponent") // test fixture holding frame bytes
    private record Frame(long timeNanos, byte[] bytes) {}

    private static List<Frame> frames;

    @BeforeAll
    static void load() throws IOException {
        frames = new ArrayList<>();
        try (InputStream in = ModeSPipelineTest.class.getResourceAsStream("/modes/short_flights.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                String[] f = line.split(",");
                long t = new BigDecimal(f[0]).multiply(BigDecimal.valueOf(S)).longValue();
                frames.add(new Frame(t, HexFormat.of().parseHex(f[1])));
            }
        }
        assertThat(frames).hasSize(486);
    }

    private static void feed(ModeSPipeline p, long shiftNanos) {
        for (Frame f : frames) p.onFrame(f.bytes, 0, f.bytes.length, f.timeNanos + shiftNanos, -1, -1);
    }

    /**
     * Last position of each aircraft with its message time in s, from an independent CPR decode
     * written for this test in Python from the Riddle's formulas: global from an even/odd pair at
     * most 10 s apart, otherwise local against the previous position.
     */
    private static final Map<Integer, double[]> EXPECTED_POSITIONS = Map.of(
            0xADA526, new double[] {34.22022, -84.55730, 1753827837.1903508},
            0xAB2760, new double[] {33.82551, -84.42324, 1753827834.114332},
            0xA6F2B7, new double[] {34.01289, -84.29630, 1753827793.329588},
            0xAC5920, new double[] {34.41458, -84.59220, 1753827846.359975}, // local: no fresh odd frame
            0xA5AA20, new double[] {33.87112, -84.30286, 1753827828.2938864},
            0xA43F51, new double[] {33.72542, -84.51121, 1753827810.5824823},
            0xACF4E8, new double[] {33.86052, -84.29501, 1753827846.4018645});

    private static final Map<Integer, String> EXPECTED_CALLSIGNS = Map.of(
            0xADA526, "DAL1737", 0xAB2760, "DAL2136", 0xA6F2B7, "JBU520", 0xAC5920, "AAL2174", 0xA5AA20, "N464T",
            0xACF4E8, "DAL2833");

    @Test
    void realTrafficGivesNineAircraftWithPositionsAndCallsigns() {
        ModeSPipeline p = new ModeSPipeline();
        feed(p, 0);
        p.snapshot(table -> {
            assertThat(table.size()).isEqualTo(9);
            EXPECTED_POSITIONS.forEach((icao, e) -> {
                AircraftState a = table.find(icao);
                assertThat(a).as("%06X", icao).isNotNull();
                assertThat(a.hasPosition()).as("%06X has a position", icao).isTrue();
                assertThat(a.lat()).as("%06X lat", icao).isCloseTo(e[0], within(1e-4));
                assertThat(a.lon()).as("%06X lon", icao).isCloseTo(e[1], within(1e-4));
                assertThat(a.positionNanos() / 1e9).as("%06X fix time", icao).isCloseTo(e[2], within(1e-3));
                assertThat(a.baroAltitudeFt()).isNotEqualTo(AircraftState.ABSENT);
                assertThat(a.positionRejections()).isZero();
                assertThat(a.trailSize()).isGreaterThanOrEqualTo(1);
                assertThat(a.trailLat(a.trailSize() - 1)).isEqualTo(a.lat());
            });
            EXPECTED_CALLSIGNS.forEach(
                    (icao, cs) -> assertThat(Callsigns.unpack(table.find(icao).callsign()))
                            .as("%06X", icao)
                            .isEqualTo(cs));
            // A2A7C4 sent only an operational status, A426E0 a single surface frame: heard, not placed
            assertThat(table.find(0xA2A7C4).hasPosition()).isFalse();
            assertThat(table.find(0xA426E0).hasPosition()).isFalse();
            assertThat(table.find(0xA43F51).callsign()).isZero();

            AircraftState dal = table.find(0xADA526);
            assertThat(dal.messages()).isEqualTo(84);
            assertThat(dal.messages(17)).isEqualTo(84);
            assertThat(dal.trailSize()).isGreaterThan(20);
            assertThat(dal.groundSpeedKt()).isBetween(100.0, 600.0);
            assertThat(dal.adsbVersion()).isEqualTo(2);
            assertThat(dal.category() >>> 4).isEqualTo(0xA);
            long total = 0;
            for (int i = 0; i < table.capacity(); i++)
                if (table.stateAt(i) != null) total += table.stateAt(i).messages();
            assertThat(total).isEqualTo(486);
        });
        ModeSPipeline.Stats st = p.stats();
        assertThat(st.frames()).isEqualTo(486);
        // every frame decoded, but for 5 the receiver got twice unchanged within 500 ms (copies: docs/DECODE.md)
        assertThat(st.decodedFrames()).isEqualTo(481);
        assertThat(st.copyFrames()).isEqualTo(5);
        assertThat(st.decodeFailures()).isEmpty();
        assertThat(st.outcome(Outcome.UPDATED)).isEqualTo(481);
        assertThat(st.positionsRejected()).isZero();
        assertThat(st.positionsAccepted()).isGreaterThan(100);
        assertThat(st.aircraft()).isEqualTo(9);
    }

    @Test
    void decodeFailuresAreCountedByReason() {
        ModeSPipeline p = new ModeSPipeline();
        byte[] good = frames.get(0).bytes.clone();
        byte[] corrupt = good.clone();
        corrupt[6] ^= 0x10;
        p.onFrame(corrupt, 0, 14, frames.get(0).timeNanos, -1, -1);
        p.onFrame(corrupt, 0, 14, frames.get(0).timeNanos, -1, -1);
        p.onFrame(good, 0, 5, frames.get(0).timeNanos, -1, -1);
        p.onFrame(good, 0, 14, frames.get(0).timeNanos, -1, -1);
        ModeSPipeline.Stats st = p.stats();
        assertThat(st.decodeFailures(DecodeFailure.BAD_CRC.label())).isEqualTo(2);
        assertThat(st.decodeFailures(DecodeFailure.TRUNCATED.label())).isEqualTo(1);
        assertThat(st.frames()).isEqualTo(4);
        assertThat(st.decodedFrames()).isEqualTo(1);
        assertThat(st.aircraft()).isEqualTo(1);
    }

    /**
     * Three receivers hear every transmission (a few ms apart, with different signal levels) and
     * their feeds are merged: each message is decoded once, the picture is the one a single
     * receiver gives, and each aircraft's signal is the strongest copy's.
     */
    @Test
    void copiesFromSeveralReceiversAreDecodedOnceKeepingEveryMessageAndTheStrongestSignal() {
        ModeSPipeline single = new ModeSPipeline();
        for (Frame f : frames) single.onFrame(f.bytes, 0, f.bytes.length, f.timeNanos, -1, 100);
        ModeSPipeline merged = new ModeSPipeline();
        for (Frame f : frames) {
            merged.onFrame(f.bytes, 0, f.bytes.length, f.timeNanos, -1, 100);
            merged.onFrame(f.bytes.clone(), 0, f.bytes.length, f.timeNanos + 1_000_000, -1, 60);
            merged.onFrame(f.bytes.clone(), 0, f.bytes.length, f.timeNanos + 2_000_000, -1, 180);
        }
        ModeSPipeline.Stats one = single.stats(), three = merged.stats();
        assertThat(three.frames()).isEqualTo(3L * frames.size());
        assertThat(three.decodedFrames()).isEqualTo(one.decodedFrames());
        long failures = three.decodeFailures().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertThat(three.copyFrames()).isEqualTo(three.frames() - three.decodedFrames() - failures);
        assertThat(three.copyFrames()).isGreaterThanOrEqualTo(2L * one.decodedFrames());
        assertThat(three.positionsAccepted()).isEqualTo(one.positionsAccepted());
        assertThat(three.aircraft()).isEqualTo(one.aircraft());
        single.snapshot(a -> merged.snapshot(b -> {
            for (int slot = 0; slot < a.capacity(); slot++) {
                AircraftState x = a.stateAt(slot);
                if (x == null) continue;
                AircraftState y = b.find(x.address());
                assertThat(y).isNotNull();
                assertThat(y.messages()).as("every copy heard").isEqualTo(3 * x.messages());
                assertThat(Double.compare(y.lat(), x.lat())).isZero();
                assertThat(Double.compare(y.lon(), x.lon())).isZero();
                assertThat(y.callsign()).isEqualTo(x.callsign());
                assertThat(y.lastSeenNanos()).isEqualTo(x.lastSeenNanos());
                assertThat(y.signalLevel()).as("strongest copy").isEqualTo(180);
                assertThat(y.signalAverage()).isEqualTo(180.0);
            }
        }));
    }

    @Test
    void expiryFollowsMessageTime() {
        ModeSPipeline p = new ModeSPipeline();
        feed(p, 0);
        long last = p.latestMessageNanos();
        assertThat(last)
                .isEqualTo(frames.stream().mapToLong(Frame::timeNanos).max().orElseThrow());
        assertThat(p.expireToLatest()).isZero();
        // A426E0 was heard once, 2 s into the capture; the others until near the end
        int early = p.expire(last + 300 * S);
        assertThat(early).isBetween(1, 8);
        assertThat(p.expire(last + 301 * S)).isEqualTo(9 - early);
        assertThat(p.withTable(AircraftTable::size)).isZero();
        assertThat(p.stats().expiredAircraft()).isEqualTo(9);
    }

    @Test
    void repeatedTrafficReusesTheTableWithoutGrowth() {
        ModeSPipeline p = new ModeSPipeline();
        feed(p, 0);
        p.expire(p.latestMessageNanos() + 400 * S);
        int capacity = p.withTable(AircraftTable::capacity);
        int created = p.withTable(AircraftTable::statesCreated);
        for (int round = 1; round <= 5; round++) {
            feed(p, round * 1000L * S);
            assertThat(p.withTable(AircraftTable::size)).isEqualTo(9);
            p.expire(p.latestMessageNanos() + 400 * S);
        }
        assertThat(p.withTable(AircraftTable::capacity)).isEqualTo(capacity);
        assertThat(p.withTable(AircraftTable::statesCreated)).isEqualTo(created);
    }

    @Test
    void steadyStateFramesAllocateNothing() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) mx;
        ModeSPipeline p = new ModeSPipeline();
        int n = frames.size();
        byte[][] bytes = new byte[n][];
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = frames.get(i).bytes;
            times[i] = frames.get(i).timeNanos;
        }
        for (int round = 0; round < 20; round++) { // warm up: tables, pool, JIT
            for (int i = 0; i < n; i++) p.onFrame(bytes[i], 0, bytes[i].length, times[i] + round * 1000L * S, -1, 200);
            p.expire(times[n - 1] + round * 1000L * S + 400L * S);
        }
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int round = 20; round < 40; round++) {
            for (int i = 0; i < n; i++) p.onFrame(bytes[i], 0, bytes[i].length, times[i] + round * 1000L * S, -1, 200);
            p.expire(times[n - 1] + round * 1000L * S + 400L * S);
        }
        long allocated = bean.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).as("bytes allocated for %d frames", 20 * n).isLessThan(1024);
    }

    @Test
    void sbsMessagesEnterTheSamePicture() {
        ModeSPipeline p = new ModeSPipeline();
        ModeSMessage m = new ModeSMessage();
        m.icao = 0x4B1805;
        m.crcOk = true; // as the SBS parser sets it
        m.timeNanos = 1_753_827_785L * S;
        m.callsign = Callsigns.pack("SWR12");
        m.lat = 42.7;
        m.lon = 27.6;
        m.altitudeFt = 37000;
        p.onMessage(m);
        String callsign = p.withTable(t -> Callsigns.unpack(t.find(0x4B1805).callsign()));
        double lat = p.withTable(t -> t.find(0x4B1805).lat());
        assertThat(callsign).isEqualTo("SWR12");
        assertThat(lat).isEqualTo(42.7);
        assertThat(p.stats().sbsMessages()).isEqualTo(1);
        assertThat(p.latestMessageNanos()).isEqualTo(m.timeNanos);
    }

    /**
     * Two feed threads and a reader: the feeds hand their frames to the picture's owner thread (the
     * pipeline has no lock of its own), the reader asks the owner, and sees a table between two
     * frames, never half of one.
     */
    @Test
    void concurrentFeedsAndReadersSeeConsistentCounts() throws Exception {
        ModeSPipeline p = new ModeSPipeline();
        org.vigil.server.picture.PictureLoop loop = new org.vigil.server.picture.PictureLoop(64, () -> {});
        loop.start();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable feeder = () -> {
            try {
                org.vigil.codec.feed.FrameSink sink = loop.frames(p);
                // each feed has its own buffers, as the framers do
                List<Frame> own = new ArrayList<>();
                for (Frame f : frames) own.add(new Frame(f.timeNanos, f.bytes.clone()));
                for (Frame f : own) sink.onFrame(f.bytes, 0, f.bytes.length, f.timeNanos, -1, -1);
            } catch (Throwable t) {
                failure.set(t);
            }
        };
        Thread a = new Thread(feeder), b = new Thread(feeder);
        Thread reader = new Thread(() -> {
            try {
                while (a.isAlive() || b.isAlive()) {
                    long[] sumAndDecoded = loop.call(() -> {
                        long[] n = {0};
                        p.withTable(t -> {
                            t.forEach(s -> n[0] += s.messages());
                            return null;
                        });
                        ModeSPipeline.Stats st = p.stats();
                        return new long[] {n[0], st.decodedFrames() + st.copyFrames()};
                    });
                    // on the owner thread, per-aircraft counts always add up to the frames applied (or copies) so far
                    assertThat(sumAndDecoded[0]).isLessThanOrEqualTo(sumAndDecoded[1]);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        a.start();
        b.start();
        reader.start();
        a.join();
        b.join();
        reader.join();
        loop.close(); // runs what is still queued
        assertThat(failure.get()).isNull();
        ModeSPipeline.Stats st = p.stats();
        assertThat(st.frames()).isEqualTo(972);
        assertThat(st.aircraft()).isEqualTo(9);
        long total = p.withTable(t -> {
            long[] n = {0};
            t.forEach(s -> n[0] += s.messages());
            return n[0];
        });
        assertThat(total).isEqualTo(972);
        assertThat(loop.failures()).isZero();
    }
}
