package org.vigil.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A small synthetic air picture over the Black Sea whose aircraft move a little on every call,
 * so tests can see that the console follows the server. Thread-safe (the web layer calls it from
 * the push thread and from HTTP threads).
 */
final class MovingPicture implements Supplier<List<AircraftView>> {

    /** Aircraft with a position (drawn on the map); one more in the table has none. */
    static final int WITH_POSITION = 4;

    static final int TOTAL = 5;

    private final AtomicInteger calls = new AtomicInteger();

    int calls() {
        return calls.get();
    }

    @Override
    public List<AircraftView> get() {
        int n = calls.incrementAndGet();
        double step = n * 0.01; // about 0.6 NM a call: visible movement without leaving the region
        long now = System.currentTimeMillis(); // so the console's age column reads like live traffic
        List<AircraftView> list = new ArrayList<>();
        list.add(AircraftView.builder("4ca2d1")
                .callsign("RYR4TB")
                .squawk("2041")
                .position(43.60, 31.80 + step)
                .altitudeFt(37000)
                .gnssAltitudeFt(37450)
                .groundspeedKt(452.0)
                .trackDeg(90.0)
                .verticalRateFpm(0)
                .category("A3")
                .version(2)
                .nacP(9)
                .sil(3)
                .messages(1200 + n)
                .lastSeen(now - 400)
                .positionAgeS(0.4)
                .trail(List.of(new TrailPoint(31.60, 43.60, 37000), new TrailPoint(31.70, 43.60, 37000)))
                .build());
        list.add(AircraftView.builder("471F35")
                .callsign("WZZ21")
                .squawk("6135")
                .position(44.40 - step, 30.20 + step)
                .altitudeFt(33000)
                .groundspeedKt(430.0)
                .trackDeg(135.0)
                .verticalRateFpm(-64)
                .category("A3")
                .messages(800)
                .lastSeen(now - 1200)
                .positionAgeS(1.2)
                .build());
        list.add(AircraftView.builder("50818C")
                .position(44.70 + step, 33.90)
                .altitudeFt(4500 + n * 100)
                .groundspeedKt(210.0)
                .trackDeg(0.0)
                .verticalRateFpm(1800)
                .messages(95)
                .lastSeen(now - 2000)
                .positionAgeS(2.0)
                .build());
        list.add(AircraftView.builder("3C6586")
                .callsign("DLH9U")
                .squawk("7700")
                .emergency("general")
                .position(42.90, 34.60 - step)
                .altitudeFt(12000)
                .groundspeedKt(280.0)
                .trackDeg(270.0)
                .verticalRateFpm(-2200)
                .category("A3")
                .messages(2300)
                .lastSeen(now - 100)
                .positionAgeS(0.1)
                .build());
        list.add(AircraftView.builder("400F01")
                .callsign("BAW641")
                .squawk("1000")
                .altitudeFt(39000)
                .messages(12)
                .lastSeen(now - 9000)
                .build());
        return list;
    }
}
