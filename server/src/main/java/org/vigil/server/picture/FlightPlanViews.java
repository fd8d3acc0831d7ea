package org.vigil.server.picture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.core.flightplan.ExpandedRoute;
import org.vigil.core.flightplan.FiledPlan;
import org.vigil.core.flightplan.FlightPlan;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.flightplan.FplItem;

/**
 * Copies the active flight plans into immutable views for {@code /api/flightplans}. Runs on
 * request under the delivery lock; allocation is fine here (sink side, human rates).
 */
public final class FlightPlanViews {
    /**
     * One plan as an operator reads it. Times are UTC "HHMM"; {@code squawk} 4 digits and
     * {@code icao} 6 hex digits, null when the plan does not give them; {@code points} the expanded
     * route as [lat, lon] pairs (departure, significant points, destination).
     */
    public record FlightPlanView(
            String callsign,
            String rules,
            String type,
            String wake,
            String departure,
            String eobt,
            String destination,
            String eet,
            String cruiseSpeed,
            String cruiseLevel,
            String route,
            String dateOfFlight,
            String squawk,
            String icao,
            String status,
            List<double[]> points,
            String registration) {}

    private FlightPlanViews() {}

    public static List<FlightPlanView> snapshot(FlightPlanStore store) {
        List<FlightPlanView> out = new ArrayList<>(store.size());
        for (int i = 0; i < store.size(); i++) out.add(view(store.get(i)));
        return out;
    }

    static FlightPlanView view(FiledPlan filed) {
        FlightPlan p = filed.plan();
        FplItem.Route r = p.route();
        ExpandedRoute route = filed.route();
        List<double[]> points = new ArrayList<>(route.size());
        for (int i = 0; i < route.size(); i++) points.add(new double[] {route.lat(i), route.lon(i)});
        return new FlightPlanView(
                p.aircraftId(),
                String.valueOf(p.rules().flightRules()),
                p.aircraft().type(),
                String.valueOf(p.aircraft().wake()),
                p.departure().aerodrome(),
                hhmm(p.departure().eobtMinutes()),
                p.destination().aerodrome(),
                hhmm(p.destination().totalEetMinutes()),
                r.speed() == null
                        ? null
                        : r.speed().unit()
                                + String.format(Locale.ROOT, "%04d", r.speed().value()),
                r.level() == null
                        ? null
                        : r.level().unit() == 'V'
                                ? "VFR"
                                : r.level().unit()
                                        + String.format(
                                                Locale.ROOT, "%03d", r.level().value()),
                String.join(" ", r.elements()),
                p.dateOfFlight() == null ? null : p.dateOfFlight().toString(),
                p.squawk() == FplItem.NO_SQUAWK ? null : String.format(Locale.ROOT, "%04d", p.squawk()),
                p.icaoAddress() < 0 ? null : String.format(Locale.ROOT, "%06X", p.icaoAddress()),
                filed.status().name().toLowerCase(Locale.ROOT),
                points,
                p.other().get("REG")); // the console's registration column (REG/ in item 18)
    }

    private static String hhmm(int minutes) {
        return minutes < 0 ? null : String.format(Locale.ROOT, "%02d%02d", minutes / 60, minutes % 60);
    }
}
