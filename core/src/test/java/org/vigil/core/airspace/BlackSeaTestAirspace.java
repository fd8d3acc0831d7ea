package org.vigil.core.airspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * The tests' Black Sea airspace: Natural Earth land polygons of lon 20–45 E, lat 38–50 N (Crimea
 * as Ukraine) buffered 12 NM by {@link NationalAirspace#fromGeoJson}, and the Black Sea theatre's
 * zones resolved against it. Test data only (src/test/resources/airspace/SOURCES.md): Vigil's
 * theatres take their airspace from theatre data (docs/THEATRES.md).
 */
public final class BlackSeaTestAirspace {
    /** The extract's region. */
    public static final Envelope REGION = new Envelope(20, 45, 38, 50);

    static final String COUNTRIES = "/airspace/black-sea-countries-crimea-ukr.geojson";
    /** The Black Sea theatre's zones (black-sea-2022's theatre.yaml names the same file). */
    static final String ZONES = "/airspace/default-zones.yaml";

    private BlackSeaTestAirspace() {}

    private static final class Holder {
        // building takes seconds: once per test JVM
        static final NationalAirspace INSTANCE = load();

        private static NationalAirspace load() {
            try (InputStream in = BlackSeaTestAirspace.class.getResourceAsStream(COUNTRIES)) {
                if (in == null) throw new AirspaceDataException("missing test resource " + COUNTRIES);
                return NationalAirspace.fromGeoJson(in, REGION, Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The Black Sea airspace, 12 NM everywhere, built once and shared. */
    public static NationalAirspace nationalAirspace() {
        return Holder.INSTANCE;
    }

    /** The Black Sea theatre's zones over {@link #nationalAirspace()}. */
    public static Zones zones() {
        try (InputStream in = BlackSeaTestAirspace.class.getResourceAsStream(ZONES)) {
            if (in == null) throw new AirspaceDataException("missing classpath resource " + ZONES);
            return new Zones(ZoneLoader.fromYaml(in, nationalAirspace()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
