package org.vigil.codec.fpl;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.vigil.core.flightplan.AtsMessage;
import org.vigil.core.flightplan.FlightKey;
import org.vigil.core.flightplan.FlightPlan;
import org.vigil.core.flightplan.FplItem;
import org.vigil.core.flightplan.FplItem.Aircraft;
import org.vigil.core.flightplan.FplItem.Departure;
import org.vigil.core.flightplan.FplItem.Destination;
import org.vigil.core.flightplan.FplItem.Entry;
import org.vigil.core.flightplan.FplItem.Equipment;
import org.vigil.core.flightplan.FplItem.Identification;
import org.vigil.core.flightplan.FplItem.Level;
import org.vigil.core.flightplan.FplItem.Other;
import org.vigil.core.flightplan.FplItem.Route;
import org.vigil.core.flightplan.FplItem.Rules;
import org.vigil.core.flightplan.FplItem.Speed;
import org.vigil.core.flightplan.FplItem.Supplementary;

/**
 * Writes ATS messages in the Doc 4444 appendix 2/3 layout, in parentheses, one line per group of
 * items as filed by hand: 7 and 8; 9 and 10; 13; 15; 16; 18 (and 19). The output is what
 * {@link FplParser} reads back to an equal message (parse(write(m)) equals m). Lines are not folded
 * at 69 characters (AFTN); the parser accepts either.
 */
public final class FplWriter {
    private FplWriter() {}

    public static String write(FlightPlan p) {
        StringBuilder b = new StringBuilder(256);
        b.append("(FPL-");
        item(b, p.identification()).append('-');
        item(b, p.rules()).append("\n-");
        item(b, p.aircraft()).append('-');
        item(b, p.equipment()).append("\n-");
        item(b, p.departure()).append("\n-");
        item(b, p.route()).append("\n-");
        item(b, p.destination()).append("\n-");
        item(b, p.other());
        if (p.supplementary() != null) item(b.append("\n-"), p.supplementary());
        return b.append(')').toString();
    }

    public static String write(AtsMessage m) {
        if (m instanceof AtsMessage.Fpl f) return write(f.plan());
        if (m instanceof AtsMessage.Chg c) {
            StringBuilder b = keyed("CHG", c.key(), c.eobtMinutes());
            for (FplItem i : c.amendments())
                item(b.append('-').append(i.number()).append('/'), i);
            return b.append(')').toString();
        }
        if (m instanceof AtsMessage.Dla d)
            return keyed("DLA", d.key(), d.newEobtMinutes()).append(')').toString();
        if (m instanceof AtsMessage.Cnl c)
            return keyed("CNL", c.key(), c.eobtMinutes()).append(')').toString();
        if (m instanceof AtsMessage.Dep d)
            return keyed("DEP", d.key(), d.actualMinutes()).append(')').toString();
        AtsMessage.Arr a = (AtsMessage.Arr) m;
        StringBuilder b = new StringBuilder("(ARR-")
                .append(a.key().aircraftId())
                .append('-')
                .append(a.key().departure());
        if (!a.key().destination().equals(a.arrivalAerodrome()))
            b.append('-').append(a.key().destination());
        b.append('-').append(a.arrivalAerodrome());
        hhmm(b, a.arrivalMinutes());
        return b.append(')').toString();
    }

    private static StringBuilder keyed(String type, FlightKey k, int minutes) {
        StringBuilder b = new StringBuilder(96)
                .append('(')
                .append(type)
                .append('-')
                .append(k.aircraftId())
                .append('-')
                .append(k.departure());
        hhmm(b, minutes).append('-').append(k.destination()).append('-');
        LocalDate d = k.dateOfFlight();
        if (d == null) b.append('0');
        else
            b.append(String.format(
                    Locale.ROOT, "DOF/%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth()));
        return b;
    }

    /** Appends one item's text (without the leading hyphen). */
    static StringBuilder item(StringBuilder b, FplItem item) {
        if (item instanceof Identification i) {
            b.append(i.aircraftId());
            if (i.squawk() != FplItem.NO_SQUAWK) b.append("/A").append(String.format(Locale.ROOT, "%04d", i.squawk()));
        } else if (item instanceof Rules r) {
            b.append(r.flightRules());
            if (r.flightType() != 0) b.append(r.flightType());
        } else if (item instanceof Aircraft a) {
            if (a.count() != 1) b.append(a.count());
            b.append(a.type()).append('/').append(a.wake());
        } else if (item instanceof Equipment e) {
            b.append(e.comNav()).append('/').append(e.surveillance());
        } else if (item instanceof Departure d) {
            hhmm(b.append(d.aerodrome()), d.eobtMinutes());
        } else if (item instanceof Route r) {
            speed(b, r.speed());
            level(b, r.level());
            for (String e : r.elements()) b.append(' ').append(e);
        } else if (item instanceof Destination d) {
            hhmm(b.append(d.aerodrome()), d.totalEetMinutes());
            for (String alt : d.alternates()) b.append(' ').append(alt);
        } else if (item instanceof Other o) {
            other(b, o.entries());
        } else if (item instanceof Supplementary s) {
            b.append(s.text());
        }
        return b;
    }

    private static void other(StringBuilder b, List<Entry> entries) {
        if (entries.isEmpty()) {
            b.append('0');
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) b.append(' ');
            b.append(entries.get(i).indicator())
                    .append('/')
                    .append(entries.get(i).value());
        }
    }

    private static StringBuilder hhmm(StringBuilder b, int minutes) {
        return b.append(String.format(Locale.ROOT, "%02d%02d", minutes / 60, minutes % 60));
    }

    private static void speed(StringBuilder b, Speed s) {
        b.append(s.unit()).append(String.format(Locale.ROOT, s.unit() == 'M' ? "%03d" : "%04d", s.value()));
    }

    private static void level(StringBuilder b, Level l) {
        if (l.unit() == 'V') {
            b.append("VFR");
            return;
        }
        b.append(l.unit())
                .append(String.format(Locale.ROOT, l.unit() == 'F' || l.unit() == 'A' ? "%03d" : "%04d", l.value()));
    }
}
