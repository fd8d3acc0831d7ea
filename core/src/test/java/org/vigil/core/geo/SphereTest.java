package org.vigil.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;

/** The spherical helpers against GeographicLib's WGS-84 geodesics: the sphere's error stays within its stated bound. */
class SphereTest {
    @Test
    void distanceAndBearingWithinTheSpheresErrorOfTheEllipsoid() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < 5_000; i++) {
            double lat1 = rnd.nextDouble(-70, 70), lon1 = rnd.nextDouble(-180, 180);
            double lat2 = Math.max(-80, Math.min(80, lat1 + rnd.nextDouble(-10, 10))),
                    lon2 = lon1 + rnd.nextDouble(-10, 10);
            GeodesicData ref = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2);
            if (ref.s12 < 1_000) continue;
            assertThat(Math.abs(Sphere.distanceM(lat1, lon1, lat2, lon2) - ref.s12) / ref.s12)
                    .as("relative distance error %d", i)
                    .isLessThan(0.0057); // north-south at the equator: meridian radius 0.56 % below the mean radius
            double db = Math.abs(Angles.norm180(Sphere.bearingDeg(lat1, lon1, lat2, lon2) - ref.azi1));
            assertThat(db).as("bearing error %d", i).isLessThan(0.25);
        }
    }

    @Test
    void destinationInvertsDistanceAndBearing() {
        double[] out = new double[2];
        SplittableRandom rnd = new SplittableRandom(12);
        for (int i = 0; i < 2_000; i++) {
            double lat = rnd.nextDouble(-70, 70),
                    lon = rnd.nextDouble(-180, 180),
                    brg = rnd.nextDouble(0, 360),
                    d = rnd.nextDouble(1, 1e6);
            Sphere.destination(lat, lon, brg, d, out);
            assertThat(out[1]).isBetween(-180.0, 180.0);
            assertThat(Sphere.distanceM(lat, lon, out[0], out[1])).isCloseTo(d, within(1e-3));
            double[] raw = new double[2];
            Sphere.destinationUnwrapped(lat, lon, brg, d, raw);
            assertThat(raw[0]).isEqualTo(out[0]);
            assertThat(Angles.norm180(raw[1])).isEqualTo(out[1]);
        }
    }

    @Test
    void anglesWrap() {
        assertThat(Angles.norm360(-90)).isEqualTo(270);
        assertThat(Angles.norm360(720)).isEqualTo(0);
        assertThat(Angles.norm180(180)).isEqualTo(-180);
        assertThat(Angles.norm180(-190)).isEqualTo(170);
    }

    @Test
    void unitsAreTheInternationalDefinitions() {
        assertThat(Units.FT).isEqualTo(0.3048);
        assertThat(Units.NM).isEqualTo(1852.0);
        assertThat(Units.KT * 3600).isCloseTo(1852.0, within(1e-9));
        assertThat(Units.FEET_PER_METRE * Units.FT).isCloseTo(1.0, within(1e-15));
        assertThat(Wgs84.B).isCloseTo(6_356_752.314245, within(1e-6));
    }
}
