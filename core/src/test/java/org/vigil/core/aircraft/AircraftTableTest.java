package org.vigil.core.aircraft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AircraftTableTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_753_827_785L * S;

    @Test
    void findOrAddReturnsTheSameStatePerAddress() {
        AircraftTable t = new AircraftTable();
        AircraftState a = t.findOrAdd(0xADA526);
        assertThat(t.findOrAdd(0xADA526)).isSameAs(a);
        assertThat(t.find(0xADA526)).isSameAs(a);
        assertThat(t.find(0xADA527)).isNull();
        assertThat(a.icao()).isEqualTo(0xADA526);
        assertThat(t.size()).isEqualTo(1);
    }

    @Test
    void nonIcaoAddressIsKeptApartFromTheSameIcaoBits() {
        AircraftTable t = new AircraftTable();
        AircraftState icao = t.findOrAdd(0x123456);
        AircraftState anon = t.findOrAdd(0x123456 | AircraftTable.NON_ICAO);
        assertThat(anon).isNotSameAs(icao);
        assertThat(anon.isNonIcaoAddress()).isTrue();
        assertThat(anon.icao()).isEqualTo(0x123456);
        assertThat(t.findOrAdd(-5)).isNull();
    }

    @Test
    void matchesAReferenceMapUnderRandomAddsAndRemoves() {
        AircraftTable t = new AircraftTable(TrackingRules.defaults().withInitialCapacity(4));
        Set<Integer> ref = new HashSet<>();
        Random r = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            int addr = r.nextInt(2000); // few distinct addresses: many collisions and removals
            if (r.nextInt(3) == 0) {
                assertThat(t.remove(addr)).isEqualTo(ref.remove(addr));
            } else {
                assertThat(t.findOrAdd(addr).address()).isEqualTo(addr);
                ref.add(addr);
            }
        }
        assertThat(t.size()).isEqualTo(ref.size());
        for (int addr = 0; addr < 2000; addr++) {
            assertThat(t.find(addr) != null).as("address %d", addr).isEqualTo(ref.contains(addr));
        }
        List<Integer> visited = new ArrayList<>();
        t.forEach(s -> visited.add(s.address()));
        assertThat(visited).containsExactlyInAnyOrderElementsOf(ref);
    }

    @Test
    void expireDropsAircraftNotHeardForFiveMinutes() {
        AircraftTable t = new AircraftTable();
        t.findOrAdd(1).heard(T0, 17, -1);
        t.findOrAdd(2).heard(T0 + 100 * S, 17, -1);
        t.findOrAdd(3).heard(T0 + 250 * S, 17, -1);
        assertThat(t.expire(T0 + 300 * S)).isZero(); // exactly 300 s is still kept
        assertThat(t.expire(T0 + 301 * S)).isEqualTo(1);
        assertThat(t.find(1)).isNull();
        assertThat(t.find(2)).isNotNull();
        assertThat(t.expire(T0 + 551 * S)).isEqualTo(2);
        assertThat(t.size()).isZero();
        assertThat(t.aircraftExpired()).isEqualTo(3);
    }

    @Test
    void aircraftAddedButNeverHeardIsDroppedAtTheNextExpiry() {
        AircraftTable t = new AircraftTable();
        t.findOrAdd(9);
        assertThat(t.expire(T0)).isEqualTo(1);
    }

    @Test
    void expiryTimeIsConfigurable() {
        AircraftTable t = new AircraftTable(TrackingRules.defaults().withDropAfterNanos(30 * S));
        t.findOrAdd(7).heard(T0, 11, -1);
        assertThat(t.expire(T0 + 31 * S)).isEqualTo(1);
    }

    @Test
    void expiredStatesAreReusedAndTheTableDoesNotGrowInSteadyState() {
        AircraftTable t = new AircraftTable(TrackingRules.defaults().withInitialCapacity(64));
        long now = T0;
        // warm up: 300 aircraft at once
        for (int i = 0; i < 300; i++) t.findOrAdd(0x400000 + i).heard(now, 17, 100);
        int capacity = t.capacity();
        int created = t.statesCreated();
        assertThat(created).isEqualTo(300);
        // steady state: every cycle the whole traffic is replaced by new aircraft
        for (int cycle = 1; cycle <= 20; cycle++) {
            now += 400 * S;
            assertThat(t.expire(now)).isEqualTo(300);
            for (int i = 0; i < 300; i++) {
                AircraftState s = t.findOrAdd(0x400000 + cycle * 1000 + i);
                assertThat(s.messages()).isZero(); // a reused state comes back clean
                assertThat(s.hasPosition()).isFalse();
                s.heard(now, 17, 100);
                t.offerPosition(s, 43, 28, 30000, false, now);
            }
        }
        assertThat(t.capacity()).isEqualTo(capacity);
        assertThat(t.statesCreated()).isEqualTo(created);
        assertThat(t.size()).isEqualTo(300);
    }

    @Test
    void steadyStateUpdatesAllocateNothing() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) mx;
        org.junit.jupiter.api.Assumptions.assumeTrue(bean.isThreadAllocatedMemorySupported());
        AircraftTable t = new AircraftTable();
        long tid = Thread.currentThread().getId();
        traffic(t, 0); // warm up: table, pool and JIT
        traffic(t, 1);
        long before = bean.getThreadAllocatedBytes(tid);
        long n = traffic(t, 2) + traffic(t, 3);
        long allocated = bean.getThreadAllocatedBytes(tid) - before;
        assertThat(n).isGreaterThan(100_000);
        assertThat(allocated).as("bytes allocated for %d updates", n).isLessThan(1024);
    }

    /** 200 aircraft, 600 updates each; at the end all expire so the next round reuses the pool. */
    private static long traffic(AircraftTable t, int round) {
        long base = T0 + round * 1000L * S;
        long n = 0;
        for (int k = 0; k < 600; k++) {
            long now = base + k * S / 2;
            for (int i = 0; i < 200; i++) {
                AircraftState s = t.findOrAdd(0x400000 + round * 500 + i);
                s.heard(now, 17, 120);
                s.updateBaroAltitude(30000 + k, now);
                s.updateGroundVelocity(450, 90, now);
                t.offerPosition(s, 40 + i * 0.01, 20 + k * 0.001, 30000, false, now);
                n++;
            }
        }
        t.expire(base + 900 * S);
        return n;
    }

    @Test
    void tableRefusesNewAircraftBeyondItsLimitAndCountsIt() {
        AircraftTable t = new AircraftTable(TrackingRules.defaults().withMaxAircraft(3));
        assertThat(t.findOrAdd(1)).isNotNull();
        assertThat(t.findOrAdd(2)).isNotNull();
        assertThat(t.findOrAdd(3)).isNotNull();
        assertThat(t.findOrAdd(4)).isNull();
        assertThat(t.findOrAdd(2)).isNotNull(); // known aircraft still found
        assertThat(t.refusedTableFull()).isEqualTo(1);
    }

    @Test
    void indexIterationSeesEveryAircraft() {
        AircraftTable t = new AircraftTable();
        for (int i = 0; i < 10; i++) t.findOrAdd(0x100 + i);
        int n = 0;
        for (int i = 0; i < t.capacity(); i++) if (t.stateAt(i) != null) n++;
        assertThat(n).isEqualTo(10);
    }
}
