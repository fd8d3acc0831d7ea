package org.vigil.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.codec.feed.FrameSink;
import org.vigil.core.Callsigns;
import org.vigil.codec.modes.CprResolver;
import org.vigil.codec.modes.Crc24;
import org.vigil.codec.modes.ModeSDecoder;
import org.vigil.codec.modes.ModeSMessage;

class SyntheticTrafficTest {
    private static final long SECOND = 1_000_000_000L;
    /** 2026-11-28 06:00:00 UTC. */
    private static final long START = 1_795_845_600L * SECOND;

    /** Every frame as bytes plus its timestamp, for comparing runs. */
    private static final class Recorder implements FrameSink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long frames;

        @Override
        public void onFrame(byte[] buf, int off, int len, long timeNanos, long mlat12MHz, int signal) {
            bytes.write(buf, off, len);
            for (int i = 0; i < 8; i++) bytes.write((int) (timeNanos >>> (8 * i)));
            frames++;
        }
    }

    private static Recorder run(long seed, int count, long stepNanos, long durationNanos) {
        SyntheticTraffic t = new SyntheticTraffic(seed, START, count);
        Recorder r = new Recorder();
        for (long now = START + stepNanos; now <= START + durationNanos; now += stepNanos) t.advanceTo(now, r);
        return r;
    }

    @Test
    void sameSeedGivesTheSameFramesHoweverTimeIsSliced() {
        Recorder fine = run(42, 60, 100_000_000L, 120 * SECOND);
        Recorder coarse = run(42, 60, 1_000_000_000L, 120 * SECOND);
        Recorder big = run(42, 60, 40 * SECOND, 120 * SECOND);
        assertThat(fine.frames).isGreaterThan(60 * 120 * 4);
        assertThat(Arrays.equals(coarse.bytes.toByteArray(), fine.bytes.toByteArray())).as("1 s steps").isTrue();
        assertThat(Arrays.equals(big.bytes.toByteArray(), fine.bytes.toByteArray())).as("40 s steps").isTrue();
    }

    @Test
    void anotherSeedGivesOtherTraffic() {
        Recorder a = run(1, 40, SECOND, 10 * SECOND);
        Recorder b = run(2, 40, SECOND, 10 * SECOND);
        assertThat(Arrays.equals(a.bytes.toByteArray(), b.bytes.toByteArray())).isFalse();
    }

    /** Decodes everything a run produces and keeps what the checks need. */
    private static final class Picture implements FrameSink {
        /** Callsigns are unique among aircraft in the air, not over hours: check only short runs. */
        final boolean callsignsUnique;
        final ModeSMessage m = new ModeSMessage();
        final CprResolver resolver = new CprResolver();
        final Map<Integer, Long> callsignOf = new HashMap<>();
        final Map<Long, Integer> icaoOf = new HashMap<>();
        final Map<Integer, Integer> positionsOf = new HashMap<>();
        final Set<Integer> identified = new HashSet<>();
        final Set<Integer> emergencies = new HashSet<>();
        final Set<Integer> alerting = new HashSet<>();
        final Map<Integer, Integer> squawkOf = new HashMap<>();
        long lastTime = Long.MIN_VALUE;
        long frames, decodedPositions, badCrc, notDecoded, outsideArea, decreasingTime;
        double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
        int maxAlt = Integer.MIN_VALUE, minAlt = Integer.MAX_VALUE;
        double maxSpeed, minSpeed = Double.MAX_VALUE;

        Picture(boolean callsignsUnique) {
            this.callsignsUnique = callsignsUnique;
        }

        @Override
        public void onFrame(byte[] buf, int off, int len, long timeNanos, long mlat12MHz, int signal) {
            frames++;
            if (timeNanos < lastTime) decreasingTime++;
            lastTime = timeNanos;
            assertThat(len).isEqualTo(14);
            if (Crc24.syndrome(buf, off, len) != 0) badCrc++;
            if (!ModeSDecoder.decode(buf, off, len, timeNanos, m) || m.df != 17) {
                notDecoded++;
                return;
            }
            int icao = m.icao;
            if (m.tc >= 1 && m.tc <= 4) {
                identified.add(icao);
                Long before = callsignOf.put(icao, m.callsign);
                assertThat(before == null || before == m.callsign).as("one callsign per address").isTrue();
                Integer other = icaoOf.put(m.callsign, icao);
                assertThat(!callsignsUnique || other == null || other == icao).as("one address per callsign %s", Callsigns.unpack(m.callsign)).isTrue();
            } else if (m.tc == 11 || m.tc == 12 || m.tc == 13) {
                positionsOf.merge(icao, 1, Integer::sum);
                if (m.surveillanceStatus == 1) alerting.add(icao);
                minAlt = Math.min(minAlt, m.altitudeFt);
                maxAlt = Math.max(maxAlt, m.altitudeFt);
                if (resolver.resolve(m) && m.hasPosition()) {
                    decodedPositions++;
                    minLat = Math.min(minLat, m.lat); maxLat = Math.max(maxLat, m.lat);
                    minLon = Math.min(minLon, m.lon); maxLon = Math.max(maxLon, m.lon);
                    if (m.lat < 40 || m.lat > 47 || m.lon < 22 || m.lon > 35) outsideArea++;
                }
            } else if (m.tc == 19) {
                maxSpeed = Math.max(maxSpeed, m.groundspeedKt);
                minSpeed = Math.min(minSpeed, m.groundspeedKt);
            } else if (m.tc == 28) {
                squawkOf.put(icao, m.squawk);
                if (m.emergencyState == 1 && m.squawk == 7700) emergencies.add(icao);
            } else if (m.tc != 31) {
                throw new AssertionError("unexpected type code " + m.tc);
            }
        }
    }

    @Test
    void everyFrameIsCleanDecodableAndInsideTheArea() {
        SyntheticTraffic t = new SyntheticTraffic(7, START, 60);
        Picture p = new Picture(true);
        for (long now = START; now <= START + 30 * SECOND; now += 100_000_000L) t.advanceTo(now, p);
        // with this seed no leg ends in the first 30 s, so every address below is one of the 60
        assertThat(t.flightsCompleted()).isZero();

        assertThat(p.badCrc).isZero();
        assertThat(p.notDecoded).isZero();
        assertThat(p.decreasingTime).isZero();
        assertThat(p.lastTime).isLessThanOrEqualTo(START + 30 * SECOND);
        assertThat(p.resolver.jumpRejected()).isZero();
        assertThat(p.decodedPositions).isGreaterThan(60 * 30);
        assertThat(p.outsideArea).as("positions outside lon 22-35, lat 40-47; seen lat %s..%s lon %s..%s",
                p.minLat, p.maxLat, p.minLon, p.maxLon).isZero();

        // 60 aircraft, about two positions a second each
        assertThat(p.positionsOf).hasSize(60);
        for (int n : p.positionsOf.values()) assertThat(n).isBetween(50, 76);
        assertThat(p.minAlt).isGreaterThanOrEqualTo(0);
        assertThat(p.maxAlt).isLessThanOrEqualTo(41_000);
        assertThat(p.maxSpeed).isLessThan(520);

        // one emergency, which also raises the alert in its positions; one aircraft without identification
        assertThat(p.emergencies).hasSize(1);
        assertThat(p.alerting).isEqualTo(p.emergencies);
        Set<Integer> silent = new HashSet<>(p.positionsOf.keySet());
        silent.removeAll(p.identified);
        assertThat(silent).hasSize(1);
        assertThat(p.squawkOf.get(silent.iterator().next())).as("the silent aircraft still squawks").isNotNull().isNotEqualTo(7700);
        assertThat(new HashSet<>(p.squawkOf.values())).as("squawks are unique").hasSize(p.squawkOf.size());
    }

    @Test
    void finishedFlightsAreReplacedAndTheAreaHolds() {
        SyntheticTraffic t = new SyntheticTraffic(11, START, 40);
        Picture p = new Picture(false);
        long end = START + 3 * 3600 * SECOND;
        for (long now = START; now <= end; now += 30 * SECOND) t.advanceTo(now, p);
        assertThat(t.flightsCompleted()).isGreaterThan(40);
        assertThat(t.pauses()).isZero();
        assertThat(p.badCrc + p.notDecoded + p.decreasingTime).isZero();
        assertThat(p.outsideArea).as("seen lat %s..%s lon %s..%s", p.minLat, p.maxLat, p.minLon, p.maxLon).isZero();
        assertThat(p.resolver.jumpRejected()).isZero();
        assertThat(p.minSpeed).isGreaterThanOrEqualTo(60);

        // still 40 aircraft in the air at the end
        Picture last = new Picture(true);
        t.advanceTo(end + 10 * SECOND, last);
        assertThat(last.positionsOf).hasSize(40);
        assertThat(last.emergencies).hasSize(1);
    }

    @Test
    void pausesAndBackwardClocksAreCountedNotReplayed() {
        SyntheticTraffic t = new SyntheticTraffic(3, START, 20);
        Recorder r = new Recorder();
        t.advanceTo(START + SECOND, r);
        long before = r.frames;
        t.advanceTo(START + 10 * 3600 * SECOND, r);
        assertThat(t.pauses()).isEqualTo(1);
        assertThat(r.frames - before).as("a pause emits nothing").isZero();
        t.advanceTo(START + 10 * 3600 * SECOND + SECOND, r);
        assertThat(r.frames - before).isBetween(20L * 3, 20L * 6);
        assertThat(t.advanceTo(START, r)).isZero();
        assertThat(t.clockRegressions()).isEqualTo(1);
    }

    @Test
    void producingFramesAllocatesNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SyntheticTraffic t = new SyntheticTraffic(5, START, 80);
        long[] count = new long[1];
        FrameSink sink = (buf, off, len, time, mlat, signal) -> count[0]++;
        t.advanceTo(START + 60 * SECOND, sink); // warm up the JIT
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        t.advanceTo(START + 120 * SECOND, sink);
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(count[0]).isGreaterThan(80 * 60 * 4 * 2);
        // 60 s of 80 aircraft is ~21000 frames: even 8 bytes a frame would show as 170 kB
        assertThat(allocated).isLessThan(32 * 1024);
    }

    @Test
    void callsignsArePackedLikeTheirText() {
        assertThat(SyntheticTraffic.packCallsign("THY", 7)).isEqualTo(Callsigns.pack("THY7"));
        assertThat(SyntheticTraffic.packCallsign("WZZ", 4321)).isEqualTo(Callsigns.pack("WZZ4321"));
        assertThat(SyntheticTraffic.packCallsign("ROT", 250)).isEqualTo(Callsigns.pack("ROT250"));
        assertThat(SyntheticTraffic.packCallsign("LZB", 10)).isEqualTo(Callsigns.pack("LZB10"));
    }

    @Test
    void rejectsSillyAircraftCounts() {
        assertThatThrownBy(() -> new SyntheticTraffic(1, START, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyntheticTraffic(1, START, 501)).isInstanceOf(IllegalArgumentException.class);
    }
}
