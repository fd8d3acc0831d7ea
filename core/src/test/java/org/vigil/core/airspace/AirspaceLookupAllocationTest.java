package org.vigil.core.airspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** Lookups on the per-message path must not allocate (ThreadMXBean allocated-bytes counter). */
class AirspaceLookupAllocationTest {
    static long sink;
    static final IntConsumer COUNT = z -> sink += z + 1; // non-capturing: a single shared instance

    @Test
    void stateZoneAndTimeToEntryLookupsAllocateNothing() {
        NationalAirspace air = BlackSeaTestAirspace.nationalAirspace();
        Zones zones = BlackSeaTestAirspace.zones();
        TimeToEntry tte = new TimeToEntry(air, NatoMembership.defaults().bind(air));
        long t = 1_649_239_200_000_000_000L; // 2022-04-06T10:00Z
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();

        for (int round = 0; round < 3; round++) { // warm-up rounds first, measure the last
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 100_000; i++) {
                double lat = 41.0 + (i % 997) * 0.007;
                double lon = 26.0 + (i % 1009) * 0.008;
                sink += air.stateAt(lat, lon);
                if (air.inTerritorialSea(lat, lon)) sink++;
                zones.zonesAt(lat, lon, 20000, t, COUNT);
            }
            for (int i = 0; i < 200; i++) {
                if (tte.compute(43.0, 29.6, 30000, 268, 480, t, TimeToEntry.ANY_NATO, 900)) sink++;
            }
            long allocated = mx.getThreadAllocatedBytes(tid) - before;
            if (round == 2) {
                System.out.println("bytes allocated over 100k lookups + 200 time-to-entry: " + allocated);
                assertThat(allocated).isLessThan(2_000);
            }
        }
        assertThat(sink).isNotZero();
    }
}
