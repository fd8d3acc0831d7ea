package org.vigil.server.demo;

/**
 * Fixed geography and operators of the synthetic Black Sea picture: airports, entry/exit gates
 * on the rim of the demo area, and airlines with the national ICAO address blocks of their
 * registrations. Pure data, read only.
 *
 * <p>Airport positions and elevations are from OurAirports (public domain), as packaged in the
 * project's shared {@code data/geo/black-sea-airports.csv}. Ukrainian airports (Odesa,
 * Simferopol) are deliberately left out: that airspace has been closed to civil traffic since
 * February 2022, and a picture with airliners landing there would look wrong to an operator.
 *
 * <p>Invariant: every airport and gate lies inside {@link #MIN_LON}..{@link #MAX_LON},
 * {@link #MIN_LAT}..{@link #MAX_LAT} with a margin, and so does every great-circle leg between
 * two of them (the legs are short enough that their poleward bulge stays below 0.1 degree, and
 * the northernmost points sit at 46.93 N).
 */
final class DemoAirspace {
    /** The demo area (degrees). */
    static final double MIN_LON = 22.0, MAX_LON = 35.0, MIN_LAT = 40.0, MAX_LAT = 47.0;

    private DemoAirspace() {}

    /** A place flights start or end at: an airport (elevation in feet) or a gate on the rim. */
    static final class Place {
        final String name;
        final double lat, lon;
        final int elevationFt;
        final boolean gate;

        Place(String name, double lat, double lon, int elevationFt, boolean gate) {
            this.name = name;
            this.lat = lat;
            this.lon = lon;
            this.elevationFt = elevationFt;
            this.gate = gate;
        }
    }

    private static Place airport(String icao, double lat, double lon, int elevationFt) {
        return new Place(icao, lat, lon, elevationFt, false);
    }

    private static Place gate(String name, double lat, double lon) {
        return new Place(name, lat, lon, 0, true);
    }

    /** Airports with scheduled service in and around Bulgaria, Romania, Moldova, Turkey (west) and Greece (north). */
    static final Place[] AIRPORTS = {
        airport("LBSF", 42.696693, 23.411436, 1742),   // Sofia
        airport("LBBG", 42.569599, 27.515200, 135),    // Burgas
        airport("LBWN", 43.232101, 27.825100, 230),    // Varna
        airport("LBPD", 42.067799, 24.850800, 597),    // Plovdiv
        airport("LBGO", 43.151402, 25.712900, 285),    // Gorna Oryahovitsa
        airport("LROP", 44.571111, 26.085000, 314),    // Bucharest Henri Coanda
        airport("LRCK", 44.362202, 28.488300, 353),    // Constanta Mihail Kogalniceanu
        airport("LRCL", 46.785198, 23.686199, 1039),   // Cluj-Napoca
        airport("LRSB", 45.785599, 24.091299, 1496),   // Sibiu
        airport("LRCV", 44.318100, 23.888599, 626),    // Craiova
        airport("LRBC", 46.521900, 26.910299, 607),    // Bacau
        airport("LRTM", 46.467701, 24.412500, 963),    // Targu Mures
        airport("LUKK", 46.927700, 28.931000, 399),    // Chisinau
        airport("LTFM", 41.261297, 28.741951, 325),    // Istanbul
        airport("LTFJ", 40.898602, 29.309200, 312),    // Istanbul Sabiha Gokcen
        airport("LTBU", 41.138199, 27.919100, 574),    // Tekirdag Corlu
        airport("LTAC", 40.128101, 32.995098, 3125),   // Ankara Esenboga
        airport("LTAS", 41.506401, 32.088600, 44),     // Zonguldak
        airport("LGAL", 40.855900, 25.956301, 24),     // Alexandroupoli
        airport("LGKV", 40.913300, 24.619200, 18),     // Kavala
        airport("LGTS", 40.519699, 22.970900, 22),     // Thessaloniki
    };

    /** Entry/exit points of overflights, 0.3 degree inside the rim, named after where the traffic goes. */
    static final Place[] GATES = {
        gate("GATE-HUNGARY", 45.80, 22.30),
        gate("GATE-SERBIA", 43.90, 22.30),
        gate("GATE-AEGEAN", 40.30, 25.20),
        gate("GATE-POLAND", 46.70, 26.20),
        gate("GATE-GEORGIA", 42.00, 34.70),
        gate("GATE-ANATOLIA", 40.40, 34.70),
    };

    /** An operator: ICAO telephony designator and the national address block of its fleet. */
    static final class Airline {
        final String designator;
        final int addressBase;
        final int addressBlockSize;

        Airline(String designator, int addressBase, int addressBlockSize) {
            this.designator = designator;
            this.addressBase = addressBase;
            this.addressBlockSize = addressBlockSize;
        }
    }

    /**
     * Operators seen in the region. Address blocks (ICAO Annex 10 vol III, national allocations):
     * Turkey 4B8000, Romania 4A0000, Bulgaria 450000, Hungary 470000, Ireland 4C8000,
     * Greece 468000, Germany 3C0000, Poland 488000, Austria 440000; each used over 32768
     * addresses, Bulgaria over the lower 16384 (the upper half is general aviation).
     */
    static final Airline THY = new Airline("THY", 0x4B8000, 0x8000);
    static final Airline PGT = new Airline("PGT", 0x4B8000, 0x8000);
    static final Airline TKJ = new Airline("TKJ", 0x4B8000, 0x8000);
    static final Airline ROT = new Airline("ROT", 0x4A0000, 0x8000);
    static final Airline LZB = new Airline("LZB", 0x450000, 0x4000);
    static final Airline WZZ = new Airline("WZZ", 0x470000, 0x8000);
    static final Airline RYR = new Airline("RYR", 0x4C8000, 0x8000);
    static final Airline AEE = new Airline("AEE", 0x468000, 0x8000);
    static final Airline DLH = new Airline("DLH", 0x3C0000, 0x8000);
    static final Airline LOT = new Airline("LOT", 0x488000, 0x8000);
    static final Airline AUA = new Airline("AUA", 0x440000, 0x8000);

    /** Who flies from an airport of each country, and who overflies. */
    static final Airline[] TURKISH_OPERATORS = {THY, PGT, TKJ};
    static final Airline[] ROMANIAN_OPERATORS = {ROT, WZZ, RYR};
    static final Airline[] BULGARIAN_OPERATORS = {LZB, WZZ, RYR};
    static final Airline[] GREEK_OPERATORS = {AEE};
    static final Airline[] MOLDOVAN_OPERATORS = {WZZ, THY};
    static final Airline[] OVERFLIGHT_OPERATORS = {DLH, LOT, AUA, THY, WZZ};

    /** General aviation (the aircraft without a callsign) comes from the Bulgarian block, upper half. */
    static final Airline GENERAL_AVIATION = new Airline("", 0x454000, 0x4000);
}
