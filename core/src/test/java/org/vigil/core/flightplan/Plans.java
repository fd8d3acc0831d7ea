package org.vigil.core.flightplan;

import java.util.ArrayList;
import java.util.List;
import org.vigil.core.flightplan.FplItem.Entry;

/** Builds flight plans for core tests (core cannot use the codecs parser). */
final class Plans {
    private Plans() {}

    /**
     * @param dof   YYMMDD or null
     * @param code  six hex digits or null
     */
    static FlightPlan plan(
            String id,
            int squawk,
            String dep,
            int eobtMinutes,
            String route,
            String dest,
            int eetMinutes,
            String dof,
            String code) {
        List<Entry> other = new ArrayList<>();
        if (dof != null) other.add(new Entry("DOF", dof));
        if (code != null) other.add(new Entry("CODE", code));
        return new FlightPlan(
                new FplItem.Identification(id, squawk < 0 ? (char) 0 : 'A', squawk),
                new FplItem.Rules('I', 'S'),
                new FplItem.Aircraft(1, "A320", 'M'),
                new FplItem.Equipment("SDFGY", "S"),
                new FplItem.Departure(dep, eobtMinutes),
                new FplItem.Route(new FplItem.Speed('N', 450), new FplItem.Level('F', 350), List.of(route.split(" "))),
                new FplItem.Destination(dest, eetMinutes, List.of()),
                new FplItem.Other(other),
                null);
    }

    /** Epoch seconds of a UTC date (YYMMDD) and time of day (HHMM). */
    static long epoch(String yymmdd, int hhmm) {
        java.time.LocalDate d = java.time.LocalDate.of(
                2000 + Integer.parseInt(yymmdd.substring(0, 2)),
                Integer.parseInt(yymmdd.substring(2, 4)),
                Integer.parseInt(yymmdd.substring(4, 6)));
        return d.toEpochDay() * 86_400 + (hhmm / 100) * 3600L + (hhmm % 100) * 60L;
    }
}
