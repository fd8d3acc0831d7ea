package org.vigil.server.theatre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.Callsigns;
import org.vigil.core.airspace.NationalAirspace;
import org.vigil.core.airspace.TimeToEntry;
import org.vigil.core.geo.Sphere;
import org.vigil.core.ident.Alert;
import org.vigil.core.ident.AlertEvent;
import org.vigil.core.ident.Cause;
import org.vigil.core.ident.Evidence;
import org.vigil.core.ident.IdentEventListener;
import org.vigil.core.ident.IdentificationEngine;
import org.vigil.core.ident.TrackFacts;
import org.vigil.core.ident.TrackIdentity;
import org.vigil.server.cli.Theatres;
import org.vigil.server.picture.Theatre;

/**
 * A track entering the airspace of a Baltic state raises the airspace-entry alert with the right
 * time to entry, in the baltic theatre. Its national airspace comes from the theatre's own
 * countries.geojson (Natural Earth, 12 NM), so this does not depend on the all-Europe data.
 */
class BalticAirspaceEntryTest {
    private static final long T0 = Instant.parse("2015-03-18T09:00:00Z").getEpochSecond() * 1_000_000_000L;

    private static long at(double seconds) {
        return T0 + Math.round(seconds * 1e9);
    }

    @Test
    void civilTrackWithoutPlanEasterlyTowardsLatviaIsAlertedWithItsTimeToEntry() {
        Theatre baltic = Theatres.builtIn("baltic");
        NationalAirspace air = baltic.airspace();
        int lv = air.indexOf("LV");
        assertThat(lv).isNotEqualTo(NationalAirspace.NONE);
        // over the Baltic Sea west of Pavilosta (Latvian coast about 21.2 E), eastbound at 360 kt
        double lat = 56.9, lon = 20.2;
        assertThat(air.isInternational(lat, lon)).isTrue();
        assertThat(air.iso(air.stateAt(56.9, 21.5))).isEqualTo("LV");

        // the expected time to entry, by a walk of its own along the great circle in 0.01 NM steps
        double stepNm = 0.01, nm = 0;
        double[] p = {lat, lon};
        while (air.stateAt(p[0], p[1]) != lv) {
            nm += stepNm;
            Sphere.destination(lat, lon, 90, nm * 1852.0, p);
            assertThat(nm).isLessThan(60);
        }
        double walkSeconds = nm / 360 * 3600;
        // about 19 NM of sea to the 12 NM line: the order of magnitude is right
        assertThat(nm).isBetween(15.0, 25.0);
        TimeToEntry tte = new TimeToEntry(air, baltic.membership().bind(air));
        assertThat(tte.compute(lat, lon, Double.NaN, 90, 360, at(0), lv, 3600)).isTrue();
        assertThat(tte.seconds).isCloseTo(walkSeconds, offset(6.0));

        List<double[]> raised = new ArrayList<>(); // [data time s, seconds to entry] of each airspace alert raised
        List<String> states = new ArrayList<>();
        IdentificationEngine engine =
                baltic.identificationEngine(baltic.newFlightPlanStore(), new IdentEventListener() {
                    @Override
                    public void alert(long timeNanos, Alert alert, AlertEvent what) {
                        if (what == AlertEvent.RAISED && alert.cause == Cause.APPROACHING_NATIONAL_AIRSPACE) {
                            raised.add(new double[] {(timeNanos - T0) / 1e9, alert.value(0)});
                            states.add(alert.detail());
                        }
                    }
                });
        TrackFacts f = new TrackFacts();
        f.trackNumber = 7;
        f.latDeg = lat;
        f.lonDeg = lon;
        f.altitudeFt = 24000;
        f.groundSpeedKt = 360;
        f.trackDeg = 90;
        f.verticalRateFpm = 0;
        f.icaoAddress = 0x4B1234;
        f.callsign = Callsigns.pack("ABC123");
        f.squawk = 2345;
        f.emergencyState = 0;
        f.hasAdsb = true;
        f.hasSsr = true;
        f.hasPrimary = true;
        TrackIdentity t = null;
        int pending = 40;
        for (int s = 0; s <= pending; s++) {
            double[] q = new double[2];
            Sphere.destination(lat, lon, 90, 360 * s / 3600.0 * 1852.0, q);
            f.latDeg = q[0];
            f.lonDeg = q[1];
            f.timeNanos = at(s);
            t = engine.update(f);
        }
        Evidence e = t.evidence(Cause.APPROACHING_NATIONAL_AIRSPACE);
        assertThat(e.active()).isTrue();
        assertThat(e.detail()).isEqualTo("LV");
        assertThat(states).containsExactly("LV");
        // the time to entry counts down with data time: at the alert it is the walk's time less the time flown
        double flown = raised.get(0)[0];
        assertThat(raised.get(0)[1]).isCloseTo(walkSeconds - flown, offset(8.0));
        assertThat(e.value(0)).isCloseTo(walkSeconds - pending, offset(8.0));
    }
}
