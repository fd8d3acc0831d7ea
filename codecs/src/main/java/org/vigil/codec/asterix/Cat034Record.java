package org.vigil.codec.asterix;

/**
 * Typed, allocation-free view of a CAT034 monoradar service message (north marker, sector
 * crossing, ...). Units as {@link Cat048Record}: s, degrees ({@code Deg}), m.
 */
public final class Cat034Record extends TypedRecord {
    public static final int NORTH_MARKER = 1;
    public static final int SECTOR_CROSSING = 2;

    private final FieldRef sac, sic, type, sector, tod, period, com, psr, ssr, mds;
    private final FieldRef nogo, rdpc, rdpr, ovlRdp, ovlXmt, msc, tsv;
    private final FieldRef hgt, lat, lon;

    public Cat034Record(CategorySpec spec) {
        super(spec, 34);
        sac = ref("010", "SAC");
        sic = ref("010", "SIC");
        type = ref("000");
        sector = ref("020");
        tod = ref("030");
        period = ref("041");
        nogo = ref("050", "COM", "NOGO");
        rdpc = ref("050", "COM", "RDPC");
        rdpr = ref("050", "COM", "RDPR");
        ovlRdp = ref("050", "COM", "OVLRDP");
        ovlXmt = ref("050", "COM", "OVLXMT");
        msc = ref("050", "COM", "MSC");
        tsv = ref("050", "COM", "TSV");
        com = nogo;
        psr = ref("050", "PSR", "ANT");
        ssr = ref("050", "SSR", "ANT");
        mds = ref("050", "MDS", "ANT");
        hgt = ref("120", "HGT");
        lat = ref("120", "LAT");
        lon = ref("120", "LON");
    }

    public Cat034Record() {
        this(AsterixSpecs.current(34));
    }

    @Override
    public Cat034Record wrap(AsterixRecord r) {
        super.wrap(r);
        return this;
    }

    public int sac() {
        return i(sac);
    }

    public int sic() {
        return i(sic);
    }
    /** I034/000: 1 north marker, 2 sector crossing, 3 geographical filtering, 4 jamming strobe, ... */
    public int messageType() {
        return i(type);
    }
    /** I034/020 sector azimuth (1.40625° steps). */
    public double sectorAzimuthDeg() {
        return d(sector);
    }

    public double timeOfDaySeconds() {
        return d(tod);
    }
    /** I034/041: the antenna rotation period (despite the item's name "speed"). */
    public double antennaRotationPeriodSeconds() {
        return d(period);
    }
    // I034/050 system configuration and status
    public boolean hasSystemConfiguration() {
        return com.present(record) || psr.present(record) || ssr.present(record) || mds.present(record);
    }

    public int noGo() {
        return i(nogo);
    }

    public int rdpChain() {
        return i(rdpc);
    }
    /** 1 when the RDP was reset: expect new track numbers. */
    public int rdpReset() {
        return i(rdpr);
    }

    public int rdpOverload() {
        return i(ovlRdp);
    }

    public int transmissionOverload() {
        return i(ovlXmt);
    }

    public int monitoringDisconnected() {
        return i(msc);
    }

    public int timeSourceInvalid() {
        return i(tsv);
    }

    public int psrAntenna() {
        return i(psr);
    }

    public int ssrAntenna() {
        return i(ssr);
    }

    public int modeSAntenna() {
        return i(mds);
    }
    // I034/120 position of the data source
    public double sensorHeightMetres() {
        return d(hgt);
    }

    public double sensorLatitudeDeg() {
        return d(lat);
    }

    public double sensorLongitudeDeg() {
        return d(lon);
    }
}
